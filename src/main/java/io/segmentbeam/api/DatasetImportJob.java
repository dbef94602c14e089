package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetImportJob shape, exactly: what describe prints and what the store keeps. */
public record DatasetImportJob(
    BigDecimal creationDateTime,
    String datasetArn,
    String datasetImportJobArn,
    DataSource dataSource,
    String failureReason,
    String importMode,
    String jobName,
    BigDecimal lastUpdatedDateTime,
    Boolean publishAttributionMetricsToS3,
    String roleArn,
    String status) implements StatusRecord<DatasetImportJob> {

  /** A new job as CreateDatasetImportJob records it, in CREATE PENDING. */
  public static DatasetImportJob pending(String arn, CreateDatasetImportJobRequest request, BigDecimal now) {
    return new DatasetImportJob(now, request.datasetArn(), arn, request.dataSource(), null,
        request.effectiveImportMode(), request.jobName(), now, request.effectivePublishAttributionMetricsToS3(),
        request.roleArn(), JobStatus.CREATE_PENDING);
  }

  @Override
  public DatasetImportJob withStatus(String newStatus, String newFailureReason, BigDecimal now) {
    return new DatasetImportJob(creationDateTime, datasetArn, datasetImportJobArn, dataSource, newFailureReason,
        importMode, jobName, now, publishAttributionMetricsToS3, roleArn, newStatus);
  }

  public DatasetImportJobSummary summary() {
    return new DatasetImportJobSummary(creationDateTime, datasetImportJobArn, failureReason, importMode, jobName,
        lastUpdatedDateTime, status);
  }
}
