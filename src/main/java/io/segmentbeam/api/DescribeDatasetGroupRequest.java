package io.segmentbeam.api;

/** The DescribeDatasetGroup request. */
public record DescribeDatasetGroupRequest(String datasetGroupArn) {

  public void validate() {
    new Violations().string("datasetGroupArn", datasetGroupArn, ApiRules.ARN, true).throwIfAny();
  }
}
