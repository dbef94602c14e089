package io.segmentbeam.api;

import java.math.BigDecimal;

/** The DatasetGroup shape, exactly: what the store keeps for a group made by CreateDatasetGroup. */
public record DatasetGroupResource(
    BigDecimal creationDateTime,
    String datasetGroupArn,
    String domain,
    String failureReason,
    String kmsKeyArn,
    BigDecimal lastUpdatedDateTime,
    String name,
    String roleArn,
    String status) {

  public DatasetGroupSummary summary() {
    return new DatasetGroupSummary(creationDateTime, datasetGroupArn, domain, failureReason, lastUpdatedDateTime, name,
        status);
  }
}
