package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetSummary shape, as ListDatasets prints it. */
public record DatasetSummary(
    BigDecimal creationDateTime,
    String datasetArn,
    String datasetType,
    BigDecimal lastUpdatedDateTime,
    String name,
    String status) {}
