package io.segmentbeam.api;

import java.math.BigDecimal;

/** The Dataset shape, exactly: what DescribeDataset prints and what the store keeps. */
public record Dataset(
    BigDecimal creationDateTime,
    String datasetArn,
    String datasetGroupArn,
    String datasetType,
    BigDecimal lastUpdatedDateTime,
    DatasetUpdateSummary latestDatasetUpdate,
    String name,
    String schemaArn,
    String status,
    String trackingId) {

  public DatasetSummary summary() {
    return new DatasetSummary(creationDateTime, datasetArn, datasetType, lastUpdatedDateTime, name, status);
  }
}
