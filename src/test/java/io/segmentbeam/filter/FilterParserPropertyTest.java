package io.segmentbeam.filter;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.not;

import io.segmentbeam.query.InvalidQueryException;
import io.segmentbeam.testing.HostileStrings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Filter expressions and the {@code filterValues} of input lines: any text parses, or is refused
 * with a message; it never crashes create-filter or a job's line.
 */
class FilterParserPropertyTest {
  private static final List<String> EXPRESSIONS = List.of(
      "INCLUDE UserID WHERE Users.MEMBERSHIP IN ($MEMBERSHIP)",
      "EXCLUDE UserID WHERE Users.AGE < $AGE | INCLUDE UserID WHERE Interactions.EVENT_TYPE IN (\"click\", \"rating\")",
      "INCLUDE UserID WHERE (Users.AGE >= 18 AND Users.AGE <= 65) OR Users.MEMBERSHIP NOT IN (\"gold\")",
      "EXCLUDE UserID WHERE Interactions.EVENT_TYPE IN ($EVENT_TYPE)", "INCLUDE UserID WHERE Interactions.EVENT_TYPE = *");
  private static final List<String> VALUES = List.of("\"gold\",\"silver\"", "30", "\"click\"", "*", "\"a\\\"b\"");
  private static final SegmentFilter FILTER;

  static {
    try {
      FilterDatasets data = new FilterDatasets(Files.createTempDirectory("filter-properties"));
      FILTER = data.load("INCLUDE UserID WHERE Users.MEMBERSHIP IN ($MEMBERSHIP) AND Users.AGE >= $AGE"
          + " | EXCLUDE UserID WHERE Interactions.EVENT_TYPE IN ($EVENT_TYPE)");
    } catch (IOException | InvalidFilterException e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 5000)
  void everyExpressionParsesOrSaysWhereItBreaks(@ForAll("expressions") String expression) {
    try {
      FilterExpression.parse(expression, FilterExpressionTest.USERS, FilterExpressionTest.INTERACTIONS);
    } catch (InvalidFilterException e) {
      assertThat(e.getMessage(), not(emptyString()));
    }
  }

  @Property(tries = 3000)
  void everyLinesFilterValuesGiveUsersOrAnError(@ForAll("values") String membership, @ForAll("values") String age,
      @ForAll("values") String eventType) {
    try {
      FILTER.allowedUsers(Map.of("MEMBERSHIP", membership, "AGE", age, "EVENT_TYPE", eventType));
    } catch (InvalidQueryException e) {
      assertThat(e.getMessage(), not(emptyString()));
    }
  }

  @Provide
  Arbitrary<String> expressions() {
    return HostileStrings.around(EXPRESSIONS);
  }

  @Provide
  Arbitrary<String> values() {
    return HostileStrings.around(VALUES);
  }
}
