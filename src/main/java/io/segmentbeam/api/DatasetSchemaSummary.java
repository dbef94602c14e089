package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetSchemaSummary shape, as ListSchemas prints it. */
public record DatasetSchemaSummary(
    BigDecimal creationDateTime,
    String domain,
    BigDecimal lastUpdatedDateTime,
    String name,
    String schemaArn) {}
