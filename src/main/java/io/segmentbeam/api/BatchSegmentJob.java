package io.segmentbeam.api;

import java.math.BigDecimal;

/**
 * The BatchSegmentJob shape, exactly: what describe prints and what the job store keeps.
 * Timestamps are epoch seconds with a millisecond fraction, as on the AWS JSON 1.1 wire.
 */
public record BatchSegmentJob(
    String batchSegmentJobArn,
    BigDecimal creationDateTime,
    String failureReason,
    String filterArn,
    BatchSegmentJobInput jobInput,
    String jobName,
    BatchSegmentJobOutput jobOutput,
    BigDecimal lastUpdatedDateTime,
    Integer numResults,
    String roleArn,
    String solutionVersionArn,
    String status) implements StatusRecord<BatchSegmentJob> {

  /** A new job as CreateBatchSegmentJob records it, in CREATE PENDING. */
  public static BatchSegmentJob pending(String arn, CreateBatchSegmentJobRequest request, BigDecimal now) {
    return new BatchSegmentJob(arn, now, null, request.filterArn(), request.jobInput(), request.jobName(),
        request.jobOutput(), now, request.effectiveNumResults(), request.roleArn(),
        request.solutionVersionArn(), JobStatus.CREATE_PENDING);
  }

  @Override
  public BatchSegmentJob withStatus(String newStatus, String newFailureReason, BigDecimal now) {
    return new BatchSegmentJob(batchSegmentJobArn, creationDateTime, newFailureReason, filterArn, jobInput,
        jobName, jobOutput, now, numResults, roleArn, solutionVersionArn, newStatus);
  }

  public BatchSegmentJobSummary summary() {
    return new BatchSegmentJobSummary(batchSegmentJobArn, creationDateTime, failureReason, jobName,
        lastUpdatedDateTime, solutionVersionArn, status);
  }
}
