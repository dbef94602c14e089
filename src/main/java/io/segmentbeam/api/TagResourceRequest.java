package io.segmentbeam.api;

import java.util.List;

/** The TagResource request. */
public record TagResourceRequest(String resourceArn, List<Tag> tags) {

  public void validate() {
    Violations violations = new Violations().string("resourceArn", resourceArn, ApiRules.ARN, true);
    if (tags == null) {
      violations.notNull("tags");
    }
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }
}
