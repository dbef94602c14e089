package io.segmentbeam.api;

import java.util.regex.Pattern;

/**
 * A string shape's constraints from the API model: length bounds and a pattern that the whole
 * value must match.
 */
public record StringRule(String shape, int min, int max, Pattern pattern) {

  /** Whether a value meets the length bounds and matches the whole pattern. */
  public boolean accepts(String value) {
    return value != null && value.length() >= min && value.length() <= max
        && (pattern == null || pattern.matcher(value).matches());
  }

  /** The same length bounds with no pattern. */
  public StringRule withoutPattern() {
    return new StringRule(shape, min, max, null);
  }

  public static StringRule of(String shape, int min, int max, String regex) {
    return new StringRule(shape, min, max, regex == null ? null : Pattern.compile(regex));
  }
}
