package io.segmentbeam.api;

/** The ListTagsForResource request. */
public record ListTagsForResourceRequest(String resourceArn) {

  public void validate() {
    new Violations().string("resourceArn", resourceArn, ApiRules.ARN, true).throwIfAny();
  }
}
