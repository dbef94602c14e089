package io.segmentbeam.api;

/** The GetSolutionMetrics request. */
public record GetSolutionMetricsRequest(String solutionVersionArn) {

  public void validate() {
    new Violations().string("solutionVersionArn", solutionVersionArn, ApiRules.ARN, true).throwIfAny();
  }
}
