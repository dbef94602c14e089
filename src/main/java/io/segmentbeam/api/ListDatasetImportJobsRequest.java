package io.segmentbeam.api;

/** The ListDatasetImportJobs request. */
public record ListDatasetImportJobsRequest(String datasetArn, Integer maxResults, String nextToken)
    implements ListRequest {

  public void validate() {
    validate("datasetArn", datasetArn);
  }
}
