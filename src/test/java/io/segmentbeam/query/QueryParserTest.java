package io.segmentbeam.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class QueryParserTest {

  @Test
  void itemIdLineWithFilterValues() {
    ParsedLine parsed = QueryParser.parse("{\"itemId\": \"105\", \"filterValues\": {\"MEMBERSHIP\": \"\\\"gold\\\"\"}}");
    SegmentQuery query = ((ParsedLine.Query) parsed).query();
    assertThat(query.itemId(), equalTo("105"));
    assertThat(query.filterValues(), equalTo(Map.of("MEMBERSHIP", "\"gold\"")));
    assertThat(query.input().toString(), equalTo("{\"itemId\":\"105\",\"filterValues\":{\"MEMBERSHIP\":\"\\\"gold\\\"\"}}"));
  }

  @Test
  void itemAttributesLine() {
    ParsedLine parsed = QueryParser.parse("{\"itemAttributes\": \"ITEMS.genres = \\\"Comedy\\\"\"}");
    assertThat(((ParsedLine.Query) parsed).query().itemAttributes(), equalTo("ITEMS.genres = \"Comedy\""));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "``                                              | Line is blank",
      "`   `                                           | Line is blank",
      "not json                                        | Line is not valid JSON: ",
      "{\"itemId\": \"1\"                              | Line is not valid JSON: ",
      "{\"itemId\": \"1\"} trailing                    | Line is not valid JSON: ",
      "[\"105\"]                                       | Line is a JSON array, not an object",
      "\"105\"                                         | Line is a JSON string, not an object",
      "{}                                              | Line has no \"itemId\" or \"itemAttributes\"",
      "{\"itemID\": \"1\"}                             | Unknown key \"itemID\"",
      "{\"itemId\": 105}                               | \"itemId\" must be a string, not a number",
      "{\"itemId\": \"\"}                              | \"itemId\" is empty",
      "{\"itemId\": \"1\", \"itemId\": \"2\"}          | Line is not valid JSON: Duplicate field 'itemId'",
      "{\"itemId\": \"1\", \"itemAttributes\": \"x\"}  | Line has both \"itemId\" and \"itemAttributes\"",
      "{\"itemId\": \"1\", \"filterValues\": [\"a\"]}  | \"filterValues\" must be an object",
      "{\"itemId\": \"1\", \"filterValues\": {\"A\": 1}} | \"filterValues\".A must be a string, not a number"})
  void badLineIsRejectedWithAReason(String line, String reason) {
    ParsedLine parsed = QueryParser.parse(line);
    assertThat(parsed, instanceOf(ParsedLine.Rejected.class));
    assertThat(((ParsedLine.Rejected) parsed).error(), startsWith(reason));
  }

  @Test
  void overlongItemIdIsRejected() {
    ParsedLine parsed = QueryParser.parse("{\"itemId\": \"" + "x".repeat(257) + "\"}");
    assertThat(((ParsedLine.Rejected) parsed).error(), equalTo("\"itemId\" is longer than 256 characters"));
  }
}
