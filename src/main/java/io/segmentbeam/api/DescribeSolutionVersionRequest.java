package io.segmentbeam.api;

/** The DescribeSolutionVersion request. */
public record DescribeSolutionVersionRequest(String solutionVersionArn) {

  public void validate() {
    new Violations().string("solutionVersionArn", solutionVersionArn, ApiRules.ARN, true).throwIfAny();
  }
}
