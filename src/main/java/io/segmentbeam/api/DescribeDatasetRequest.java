package io.segmentbeam.api;

/** The DescribeDataset request. */
public record DescribeDatasetRequest(String datasetArn) {

  public void validate() {
    new Violations().string("datasetArn", datasetArn, ApiRules.ARN, true).throwIfAny();
  }
}
