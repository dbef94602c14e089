package io.segmentbeam.api;

import java.math.BigDecimal;

/** The FilterSummary shape that ListFilters returns. */
public record FilterSummary(
    BigDecimal creationDateTime,
    String datasetGroupArn,
    String failureReason,
    String filterArn,
    BigDecimal lastUpdatedDateTime,
    String name,
    String status) {}
