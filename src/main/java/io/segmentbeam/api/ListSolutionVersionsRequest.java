package io.segmentbeam.api;

/** The ListSolutionVersions request. */
public record ListSolutionVersionsRequest(String solutionArn, Integer maxResults, String nextToken)
    implements ListRequest {

  public void validate() {
    validate("solutionArn", solutionArn);
  }
}
