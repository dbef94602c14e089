package io.segmentbeam.api;

/** The DescribeDatasetImportJob request. */
public record DescribeDatasetImportJobRequest(String datasetImportJobArn) {

  public void validate() {
    new Violations().string("datasetImportJobArn", datasetImportJobArn, ApiRules.ARN, true).throwIfAny();
  }
}
