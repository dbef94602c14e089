package io.segmentbeam.api;

/** The DescribeDatasetExportJob request. */
public record DescribeDatasetExportJobRequest(String datasetExportJobArn) {

  public void validate() {
    new Violations().string("datasetExportJobArn", datasetExportJobArn, ApiRules.ARN, true).throwIfAny();
  }
}
