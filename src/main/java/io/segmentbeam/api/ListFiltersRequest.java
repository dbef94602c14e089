package io.segmentbeam.api;

/** The ListFilters request. */
public record ListFiltersRequest(String datasetGroupArn, Integer maxResults, String nextToken) implements ListRequest {

  public void validate() {
    validate("datasetGroupArn", datasetGroupArn);
  }
}
