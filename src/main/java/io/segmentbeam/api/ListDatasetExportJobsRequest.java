package io.segmentbeam.api;

/** The ListDatasetExportJobs request. */
public record ListDatasetExportJobsRequest(String datasetArn, Integer maxResults, String nextToken)
    implements ListRequest {

  public void validate() {
    validate("datasetArn", datasetArn);
  }
}
