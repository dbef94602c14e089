package io.segmentbeam.api;

/** The ListSolutions request. */
public record ListSolutionsRequest(String datasetGroupArn, Integer maxResults, String nextToken)
    implements ListRequest {

  public void validate() {
    validate("datasetGroupArn", datasetGroupArn);
  }
}
