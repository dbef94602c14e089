package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetExportJobSummary shape, as ListDatasetExportJobs prints it. */
public record DatasetExportJobSummary(
    BigDecimal creationDateTime,
    String datasetExportJobArn,
    String failureReason,
    String jobName,
    BigDecimal lastUpdatedDateTime,
    String status) {}
