package io.segmentbeam.api;

import java.util.List;

/** The UntagResource request. Tag keys are sensitive in the API model and never echoed in errors. */
public record UntagResourceRequest(String resourceArn, List<String> tagKeys) {

  public void validate() {
    Violations violations = new Violations().string("resourceArn", resourceArn, ApiRules.ARN, true);
    if (tagKeys == null) {
      violations.notNull("tagKeys");
    } else {
      if (tagKeys.size() > ApiRules.TAGS_MAX) {
        violations.add("tagKeys", "[" + tagKeys.size() + " keys]",
            "Member must have length less than or equal to " + ApiRules.TAGS_MAX);
      }
      for (int i = 0; i < tagKeys.size(); i++) {
        Tag.checkSensitive(violations, "tagKeys." + (i + 1) + ".member", tagKeys.get(i), ApiRules.TAG_KEY);
      }
    }
    violations.throwIfAny();
  }
}
