package io.segmentbeam.filter;

import io.segmentbeam.query.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;

/**
 * The values one input line gives a placeholder: {@code "\"gold\",\"silver\""} is two strings,
 * {@code "30"} one number. Strings are double-quoted ({@code \} makes the next character literal);
 * numbers may be bare or quoted.
 */
final class FilterValues {

  /** One value as given; {@code quoted} tells a string from a bare number. */
  record Given(String text, boolean quoted) {}

  private FilterValues() {}

  static List<Given> parse(String parameter, String text) throws InvalidQueryException {
    List<Given> values = new ArrayList<>();
    int at = 0;
    while (true) {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (at < text.length() && text.charAt(at) == '"') {
        StringBuilder value = new StringBuilder();
        at++;
        while (at < text.length() && text.charAt(at) != '"') {
          if (text.charAt(at) == '\\' && at + 1 < text.length()) {
            at++;
          }
          value.append(text.charAt(at++));
        }
        if (at == text.length()) {
          throw malformed(parameter, "a quoted value has no closing quote");
        }
        at++;
        values.add(new Given(value.toString(), true));
      } else {
        int start = at;
        while (at < text.length() && text.charAt(at) != ',') {
          at++;
        }
        String bare = text.substring(start, at).strip();
        if (bare.isEmpty()) {
          throw malformed(parameter, "a value is missing");
        }
        values.add(new Given(bare, false));
      }
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      if (at == text.length()) {
        return values;
      }
      if (text.charAt(at) != ',') {
        throw malformed(parameter, "values are separated by commas");
      }
      at++;
    }
  }

  private static InvalidQueryException malformed(String parameter, String problem) {
    return new InvalidQueryException("\"filterValues\"." + parameter + " is malformed: " + problem
        + "; write strings in double quotes separated by commas, e.g. \"\\\"gold\\\",\\\"silver\\\"\"");
  }
}
