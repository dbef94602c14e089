package io.segmentbeam.api;

/** The ListBatchSegmentJobs request. */
public record ListBatchSegmentJobsRequest(Integer maxResults, String nextToken, String solutionVersionArn) {

  public int effectiveMaxResults() {
    return maxResults == null ? ApiRules.MAX_RESULTS_DEFAULT : maxResults;
  }

  public void validate() {
    new Violations()
        .range("maxResults", maxResults, ApiRules.MAX_RESULTS_MIN, ApiRules.MAX_RESULTS_MAX)
        .string("nextToken", nextToken, ApiRules.NEXT_TOKEN, false)
        .string("solutionVersionArn", solutionVersionArn, ApiRules.ARN, false)
        .throwIfAny();
  }
}
