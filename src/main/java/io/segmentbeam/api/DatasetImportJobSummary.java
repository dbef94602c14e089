package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetImportJobSummary shape, as ListDatasetImportJobs prints it. */
public record DatasetImportJobSummary(
    BigDecimal creationDateTime,
    String datasetImportJobArn,
    String failureReason,
    String importMode,
    String jobName,
    BigDecimal lastUpdatedDateTime,
    String status) {}
