package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetGroupSummary shape, as ListDatasetGroups prints it. */
public record DatasetGroupSummary(
    BigDecimal creationDateTime,
    String datasetGroupArn,
    String domain,
    String failureReason,
    BigDecimal lastUpdatedDateTime,
    String name,
    String status) {}
