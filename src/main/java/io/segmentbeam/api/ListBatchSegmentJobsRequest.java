package io.segmentbeam.api;

/** The ListBatchSegmentJobs request. */
public record ListBatchSegmentJobsRequest(Integer maxResults, String nextToken, String solutionVersionArn)
    implements ListRequest {

  public void validate() {
    validate("solutionVersionArn", solutionVersionArn);
  }
}
