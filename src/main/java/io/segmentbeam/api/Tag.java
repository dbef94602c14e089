package io.segmentbeam.api;

import java.util.List;

/** A resource tag. Tag keys and values are sensitive in the API model and never echoed in errors. */
public record Tag(String tagKey, String tagValue) {

  /** Checks a request's optional {@code tags} member: its size and each key and value. */
  static void validateAll(List<Tag> tags, Violations violations) {
    if (tags == null) {
      return;
    }
    if (tags.size() > ApiRules.TAGS_MAX) {
      violations.add("tags", "[" + tags.size() + " tags]",
          "Member must have length less than or equal to " + ApiRules.TAGS_MAX);
    }
    for (int i = 0; i < tags.size(); i++) {
      Tag tag = tags.get(i);
      String field = "tags." + (i + 1);
      if (tag == null) {
        violations.notNull(field);
        continue;
      }
      checkSensitive(violations, field + ".member.tagKey", tag.tagKey(), ApiRules.TAG_KEY);
      checkSensitive(violations, field + ".member.tagValue", tag.tagValue(), ApiRules.TAG_VALUE);
    }
  }

  static void checkSensitive(Violations violations, String field, String value, StringRule rule) {
    if (value == null) {
      violations.notNull(field);
    } else if (!rule.accepts(value)) {
      violations.add(field, "***", "Member must satisfy the " + rule.shape() + " constraints (length "
          + rule.min() + " to " + rule.max() + ", pattern " + rule.pattern().pattern() + ")");
    }
  }
}
