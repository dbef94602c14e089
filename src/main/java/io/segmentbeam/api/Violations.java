package io.segmentbeam.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects constraint violations of one request and reports them all at once, worded as the AWS
 * service validator words them ("1 validation error detected: Value ... at 'field' failed to
 * satisfy constraint: ...").
 */
public final class Violations {
  private final List<String> messages = new ArrayList<>();

  /** Checks a string against its rule; null passes unless the field is required. */
  public Violations string(String field, String value, StringRule rule, boolean required) {
    if (value == null) {
      if (required) {
        notNull(field);
      }
      return this;
    }
    if (value.length() < rule.min()) {
      add(field, value, "Member must have length greater than or equal to " + rule.min());
    }
    if (value.length() > rule.max()) {
      add(field, value, "Member must have length less than or equal to " + rule.max());
    }
    if (rule.pattern() != null && !rule.pattern().matcher(value).matches()) {
      add(field, value, "Member must satisfy regular expression pattern: " + rule.pattern().pattern());
    }
    return this;
  }

  /**
   * Checks an S3 location, or, as a local extension of the S3Location rule, a local path or
   * {@code file://} URI, which must still keep to its length bound. Anything else (another scheme,
   * {@code s3://} without a bucket, an empty path, control characters) is refused here, before a
   * job is recorded, rather than read or written somewhere the user did not mean.
   */
  public Violations dataLocation(String field, String value, boolean required) {
    if (value == null || value.isEmpty()) {
      return value == null ? string(field, null, ApiRules.S3_LOCATION, required)
          : add(field, value, "Member must have length greater than or equal to 1");
    }
    if (value.chars().anyMatch(Character::isISOControl)) {
      return add(field, value.replaceAll("\\p{Cntrl}", "?"), "Member must not contain control characters");
    }
    boolean local = DataLocations.isLocal(value);
    if (!local && !value.startsWith("s3://") && ApiRules.S3_LOCATION.pattern().matcher(value).matches()) {
      return add(field, value, "Member must be an s3:// URI, a file:// URI or a local path: SegmentBeam does not "
          + "read or write http(s) locations");
    }
    if (value.startsWith("s3://") && (value.length() == 5 || value.charAt(5) == '/')) {
      return add(field, value, "Member must name a bucket: s3://<bucket>/<prefix>");
    }
    if (value.equals("file://")) {
      return add(field, value, "Member must name a path after file://");
    }
    return string(field, value, local ? ApiRules.S3_LOCATION.withoutPattern() : ApiRules.S3_LOCATION, required);
  }

  /** Checks an optional integer against its inclusive range. */
  public Violations range(String field, Integer value, int min, int max) {
    if (value == null) {
      return this;
    }
    if (value < min) {
      add(field, value, "Member must have value greater than or equal to " + min);
    }
    if (value > max) {
      add(field, value, "Member must have value less than or equal to " + max);
    }
    return this;
  }

  /** Checks an optional enum member against its values. */
  public Violations oneOf(String field, String value, List<String> values) {
    if (value != null && !values.contains(value)) {
      add(field, value, "Member must satisfy enum value set: " + values);
    }
    return this;
  }

  public Violations notNull(String field) {
    messages.add("Value null at '" + field + "' failed to satisfy constraint: Member must not be null");
    return this;
  }

  public Violations add(String field, Object value, String constraint) {
    String shown = value instanceof String ? "'" + value + "'" : String.valueOf(value);
    messages.add("Value " + shown + " at '" + field + "' failed to satisfy constraint: " + constraint);
    return this;
  }

  /** Throws InvalidInputException listing every violation, if there is any. */
  public void throwIfAny() {
    if (messages.isEmpty()) {
      return;
    }
    int n = messages.size();
    throw new InvalidInputException(
        n + " validation error" + (n == 1 ? "" : "s") + " detected: " + String.join("; ", messages));
  }
}
