package io.segmentbeam.api;

/** The DescribeSolution request. */
public record DescribeSolutionRequest(String solutionArn) {

  public void validate() {
    new Violations().string("solutionArn", solutionArn, ApiRules.ARN, true).throwIfAny();
  }
}
