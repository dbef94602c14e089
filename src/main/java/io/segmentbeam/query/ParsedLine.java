package io.segmentbeam.query;

import com.fasterxml.jackson.databind.JsonNode;

/** What an input line turned out to be: a query, or a rejection that becomes an error output line. */
public sealed interface ParsedLine {

  /** A line that holds a well-formed query. */
  record Query(SegmentQuery query) implements ParsedLine {}

  /**
   * A line that cannot be served.
   *
   * @param input what the output line echoes: the line's JSON value, its text, or null
   * @param error what is wrong, in words a user can act on
   */
  record Rejected(JsonNode input, String error) implements ParsedLine {}
}
