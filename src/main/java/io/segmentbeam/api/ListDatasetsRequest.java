package io.segmentbeam.api;

/** The ListDatasets request. */
public record ListDatasetsRequest(String datasetGroupArn, Integer maxResults, String nextToken) implements ListRequest {

  public void validate() {
    validate("datasetGroupArn", datasetGroupArn);
  }
}
