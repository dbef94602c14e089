package io.segmentbeam.api;

/** The ListDatasetGroups request. */
public record ListDatasetGroupsRequest(Integer maxResults, String nextToken) implements ListRequest {

  public void validate() {
    validate(null, null);
  }
}
