package io.segmentbeam.api;

import java.math.BigDecimal;

/** The BatchSegmentJobSummary shape that ListBatchSegmentJobs returns. */
public record BatchSegmentJobSummary(
    String batchSegmentJobArn,
    BigDecimal creationDateTime,
    String failureReason,
    String jobName,
    BigDecimal lastUpdatedDateTime,
    String solutionVersionArn,
    String status) {}
