package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetUpdateSummary shape (a schema update of a dataset; never made here, so always absent). */
public record DatasetUpdateSummary(
    BigDecimal creationDateTime,
    String failureReason,
    BigDecimal lastUpdatedDateTime,
    String schemaArn,
    String status) {}
