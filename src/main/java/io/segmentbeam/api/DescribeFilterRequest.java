package io.segmentbeam.api;

/** The DescribeFilter request. */
public record DescribeFilterRequest(String filterArn) {

  public void validate() {
    new Violations().string("filterArn", filterArn, ApiRules.ARN, true).throwIfAny();
  }
}
