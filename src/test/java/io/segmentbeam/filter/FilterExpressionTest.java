package io.segmentbeam.filter;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.dataset.FieldType;
import io.segmentbeam.dataset.SchemaField;
import io.segmentbeam.filter.FilterExpression.Action;
import io.segmentbeam.filter.FilterExpression.Dataset;
import io.segmentbeam.sample.SampleDataGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The filter grammar: what parses, and the exact message (with its character) for what does not. */
class FilterExpressionTest {
  static final DatasetSchema USERS;
  static final DatasetSchema INTERACTIONS = SampleDataGenerator.INTERACTIONS;

  static {
    List<SchemaField> fields = new ArrayList<>(List.of(
        new SchemaField("USER_ID", FieldType.STRING, false, false, false),
        new SchemaField("AGE", FieldType.INT, true, false, false),
        new SchemaField("MEMBERSHIP", FieldType.STRING, true, true, false),
        new SchemaField("VERIFIED", FieldType.BOOLEAN, true, false, false),
        new SchemaField("BIO", FieldType.STRING, true, false, true)));
    for (int i = 1; i <= 10; i++) {
      fields.add(new SchemaField("F" + i, FieldType.STRING, true, true, false));
    }
    USERS = DatasetSchema.of(DatasetType.USERS, fields);
  }

  static FilterExpression parse(String text) throws InvalidFilterException {
    return FilterExpression.parse(text, USERS, INTERACTIONS);
  }

  @Test
  void everyExampleFromThePersonalizeDocumentationParses() throws InvalidFilterException {
    // The documentation's MEMBERSHIP_STATUS is MEMBERSHIP in these datasets.
    FilterExpression membership = parse("INCLUDE UserID WHERE Users.MEMBERSHIP IN ($MEMBERSHIP)");
    assertThat(membership.parameters(), contains("MEMBERSHIP"));
    FilterExpression age = parse("EXCLUDE UserID WHERE Users.AGE < $AGE");
    assertThat(age.parts().get(0).action(), equalTo(Action.EXCLUDE));
    FilterExpression clicked = parse("INCLUDE UserID WHERE Interactions.EVENT_TYPE IN (\"click\",\"rating\")");
    assertThat(clicked.usesInteractions(), equalTo(true));
    FilterExpression eventType = parse("EXCLUDE UserID WHERE Interactions.EVENT_TYPE IN ($EVENT_TYPE)");
    assertThat(eventType.parameters(), contains("EVENT_TYPE"));
  }

  @Test
  void partsJoinWithBarsAndConditionsWithAndOrAndParentheses() throws InvalidFilterException {
    FilterExpression expression = parse("include userid where (users.AGE >= 18 AND Users.AGE <= 65) OR "
        + "Users.MEMBERSHIP = \"gold\" | EXCLUDE UserID WHERE Interactions.EVENT_TYPE IN (\"*\") "
        + "| EXCLUDE UserID WHERE Users.MEMBERSHIP NOT IN ($TIERS) AND Users.AGE != 30");
    assertThat(expression.parts().stream().map(p -> p.action() + " " + p.dataset()).toList(),
        contains("INCLUDE USERS", "EXCLUDE INTERACTIONS", "EXCLUDE USERS"));
    assertThat(expression.parts().get(1).condition(), equalTo(new FilterExpression.Comparison(Dataset.INTERACTIONS,
        INTERACTIONS.find("EVENT_TYPE").orElseThrow(), FilterExpression.Operator.IN, List.of(new FilterExpression.Wildcard()))));
    assertThat(expression.parameters(), contains("TIERS"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiterString = "¦", quoteCharacter = '\'', value = {
      "INCLUDE UserID WHERE (Users.AGE > 3 ¦ 36 ¦ expected \")\" to close the \"(\" at character 22, found the end "
          + "of the expression",
      "INCLUDE UserID WHERE Users.AGE > 3) ¦ 35 ¦ \")\" has no matching \"(\"",
      "INCLUDE UserID WHERE Users.MEMBERSHIP IN (\"gold\" ¦ 49 ¦ expected \",\" or \")\" to close the list at "
          + "character 42, found the end of the expression",
      "INCLUDE UserID WHERE Accounts.AGE > 3 ¦ 22 ¦ there is no dataset \"Accounts\"; user segment filters use "
          + "Users or Interactions",
      "INCLUDE UserID WHERE Items.GENRE IN (\"x\") ¦ 22 ¦ user segment filters cannot use the Items dataset; use "
          + "Users or Interactions",
      "INCLUDE UserID Users.AGE > 3 ¦ 16 ¦ expected WHERE, found \"Users\"",
      "INCLUDE ItemID WHERE Users.AGE > 3 ¦ 9 ¦ user segment filters select UserID, not ItemID",
      "KEEP UserID WHERE Users.AGE > 3 ¦ 1 ¦ expected INCLUDE or EXCLUDE, found \"KEEP\"",
      "EXCLUDE UserID WHERE Users.MEMBERSHIP IN (\"*\") ¦ 43 ¦ \"*\" is allowed only for Interactions.EVENT_TYPE",
      "EXCLUDE UserID WHERE Users.MEMBERSHIP IN (*) ¦ 43 ¦ \"*\" is allowed only for Interactions.EVENT_TYPE",
      "INCLUDE UserID WHERE Users.BIO IN (\"x\") ¦ 28 ¦ BIO is a text field, and text fields cannot be filtered",
      "INCLUDE UserID WHERE Users.VERIFIED = \"true\" ¦ 28 ¦ VERIFIED is a boolean field, and boolean fields cannot "
          + "be filtered",
      "INCLUDE UserID WHERE Users.COLOR IN (\"red\") ¦ 28 ¦ Users has no field COLOR; its fields are USER_ID, AGE, "
          + "MEMBERSHIP, VERIFIED, BIO, F1, F2, F3, F4, F5, F6, F7, F8, F9, F10",
      "INCLUDE UserID WHERE Interactions.ITEM_ID IN (\"7\") ¦ 35 ¦ user segment filters can use only EVENT_TYPE of "
          + "the Interactions dataset, not ITEM_ID",
      "INCLUDE UserID WHERE Users.MEMBERSHIP < 3 ¦ 39 ¦ < compares numbers, and MEMBERSHIP is a string field; use "
          + "IN, NOT IN, = or !=",
      "INCLUDE UserID WHERE Users.AGE IN (\"30\") ¦ 36 ¦ AGE is a int field: write the number without quotes",
      "INCLUDE UserID WHERE Users.MEMBERSHIP = 3 ¦ 41 ¦ MEMBERSHIP is a string field: put the value in double quotes",
      "INCLUDE UserID WHERE Users.AGE > 3 AND Interactions.EVENT_TYPE IN (\"click\") ¦ 40 ¦ the conditions of one "
          + "expression use one dataset, and this one began with Users; put the Interactions condition in its own "
          + "expression after \"|\"",
      "INCLUDE UserID WHERE Users.AGE LIKE 3 ¦ 32 ¦ expected an operator: IN, NOT IN, =, !=, <, <=, > or >=, found "
          + "\"LIKE\"",
      "INCLUDE UserID WHERE Users.MEMBERSHIP IN \"gold\" ¦ 42 ¦ expected \"(\" and a list of values after IN, found "
          + "the string \"gold\"",
      "INCLUDE UserID WHERE Users.AGE > 3 OR ¦ 38 ¦ expected a condition such as Users.<FIELD> IN (...), found the "
          + "end of the expression",
      "INCLUDE UserID WHERE Users.AGE > ¦ 33 ¦ expected a value (\"text\", a number or a $PARAMETER) after >, found "
          + "the end of the expression",
      "INCLUDE UserID WHERE Users.MEMBERSHIP IN ( ¦ 43 ¦ expected a value (\"text\", a number or a $PARAMETER) after "
          + "IN, found the end of the expression",
      "INCLUDE UserID WHERE Users.MEMBERSHIP NOT ¦ 42 ¦ expected IN after NOT, found the end of the expression",
      "INCLUDE UserID WHERE Users.AGE > $ ¦ 34 ¦ \"$\" must be followed by a parameter name, e.g. $MEMBERSHIP",
      "INCLUDE UserID WHERE Users.MEMBERSHIP IN (\"gold) ¦ 43 ¦ the string that starts here has no closing quote",
      "INCLUDE UserID WHERE Users.AGE > 3 EXCLUDE ¦ 36 ¦ expected AND, OR, \"|\" or the end of the expression, "
          + "found \"EXCLUDE\"",
      "'   ' ¦ 1 ¦ the expression is empty; write e.g. INCLUDE UserID WHERE Users.MEMBERSHIP IN ($MEMBERSHIP)"})
  void malformedExpressionsSayWhereAndWhy(String expression, int position, String problem) {
    InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> parse(expression));
    assertThat(e.getMessage(), equalTo("Invalid filter expression at character " + position + ": " + problem));
    assertThat(e.position(), equalTo(position));
  }

  @Test
  void anExpressionIsAtMost2500Characters() throws InvalidFilterException {
    String head = "INCLUDE UserID WHERE Users.MEMBERSHIP IN (";
    String values = IntStream.range(0, 1000).mapToObj(i -> "\"v" + i + "\"").collect(Collectors.joining(","));
    String longest = (head + values).substring(0, 2499);
    longest = longest.substring(0, longest.lastIndexOf(',')) + ")";
    parse(longest + " ".repeat(2500 - longest.length()));
    String tooLong = longest + " ".repeat(2501 - longest.length());
    InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> parse(tooLong));
    assertThat(e.getMessage(), equalTo("Invalid filter expression at character 2501: an expression is at most "
        + "2,500 characters; this one has 2501"));
  }

  @Test
  void aFilterUsesAtMostTenDistinctFields() throws InvalidFilterException {
    StringBuilder ten = new StringBuilder("INCLUDE UserID WHERE Users.AGE > 1");
    for (int i = 1; i <= 8; i++) {
      ten.append(" AND Users.F").append(i).append(" IN (\"x\")");
    }
    ten.append(" | EXCLUDE UserID WHERE Interactions.EVENT_TYPE IN (\"click\")");
    // Ten distinct fields; naming one again does not count.
    parse(ten + " | EXCLUDE UserID WHERE Users.AGE < 3 AND Users.F1 = \"y\"");
    String eleven = ten + " | EXCLUDE UserID WHERE Users.F9 IN (\"x\")";
    InvalidFilterException e = assertThrows(InvalidFilterException.class, () -> parse(eleven));
    assertThat(e.getMessage(), equalTo("Invalid filter expression at character " + (eleven.lastIndexOf("F9") + 1)
        + ": a filter uses at most 10 distinct fields, and F9 is the 11th"));
  }
}
