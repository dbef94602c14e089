package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetExportJob shape, exactly: what describe prints and what the store keeps. */
public record DatasetExportJob(
    BigDecimal creationDateTime,
    String datasetArn,
    String datasetExportJobArn,
    String failureReason,
    String ingestionMode,
    String jobName,
    DatasetExportJobOutput jobOutput,
    BigDecimal lastUpdatedDateTime,
    String roleArn,
    String status) implements StatusRecord<DatasetExportJob> {

  /** A new job as CreateDatasetExportJob records it, in CREATE PENDING. */
  public static DatasetExportJob pending(String arn, CreateDatasetExportJobRequest request, BigDecimal now) {
    return new DatasetExportJob(now, request.datasetArn(), arn, null, request.effectiveIngestionMode(),
        request.jobName(), request.jobOutput(), now, request.roleArn(), JobStatus.CREATE_PENDING);
  }

  @Override
  public DatasetExportJob withStatus(String newStatus, String newFailureReason, BigDecimal now) {
    return new DatasetExportJob(creationDateTime, datasetArn, datasetExportJobArn, newFailureReason, ingestionMode,
        jobName, jobOutput, now, roleArn, newStatus);
  }

  public DatasetExportJobSummary summary() {
    return new DatasetExportJobSummary(creationDateTime, datasetExportJobArn, failureReason, jobName,
        lastUpdatedDateTime, status);
  }
}
