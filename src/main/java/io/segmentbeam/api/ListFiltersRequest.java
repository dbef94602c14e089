package io.segmentbeam.api;

/** The ListFilters request. */
public record ListFiltersRequest(String datasetGroupArn, Integer maxResults, String nextToken) {

  public int effectiveMaxResults() {
    return maxResults == null ? ApiRules.MAX_RESULTS_DEFAULT : maxResults;
  }

  public void validate() {
    new Violations()
        .string("datasetGroupArn", datasetGroupArn, ApiRules.ARN, false)
        .range("maxResults", maxResults, ApiRules.MAX_RESULTS_MIN, ApiRules.MAX_RESULTS_MAX)
        .string("nextToken", nextToken, ApiRules.NEXT_TOKEN, false)
        .throwIfAny();
  }
}
