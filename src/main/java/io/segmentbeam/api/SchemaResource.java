package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetSchema shape, exactly: what the store keeps for a schema made by CreateSchema. */
public record SchemaResource(
    BigDecimal creationDateTime,
    String domain,
    BigDecimal lastUpdatedDateTime,
    String name,
    String schema,
    String schemaArn) {

  public DatasetSchemaSummary summary() {
    return new DatasetSchemaSummary(creationDateTime, domain, lastUpdatedDateTime, name, schemaArn);
  }
}
