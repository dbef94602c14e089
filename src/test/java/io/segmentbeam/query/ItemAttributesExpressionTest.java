package io.segmentbeam.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.dataset.ItemCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ItemAttributesExpressionTest {

  @Test
  void parsesConditionsJoinedByAnd() throws InvalidQueryException {
    ItemAttributesExpression expression = ItemAttributesExpression.parse(
        "items.genres = \"Comedy\"  and ITEMS.PRICE=-9.5e1 AND ITEMS.TITLE = \"say \\\"hi\\\" \\\\ bye\"");
    assertThat(expression.conditions(), equalTo(List.of(
        new AttributeCondition("genres", "Comedy", false, 1),
        new AttributeCondition("PRICE", "-9.5e1", true, 30),
        new AttributeCondition("TITLE", "say \"hi\" \\ bye", false, 53))));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      OR         | ITEMS.G = "a" OR ITEMS.G = "b"   | "OR" at character 15 is not allowed: Item-Attribute-Affinity queries join conditions with AND only; write each alternative as its own input line
      IN         | ITEMS.G IN ("a", "b")            | "IN" at character 9 is not allowed: Item-Attribute-Affinity queries compare a field with = only; ranges and lists are not supported
      NOT IN     | ITEMS.G NOT IN ("a")             | "NOT" at character 9 is not allowed: Item-Attribute-Affinity queries compare a field with = only; ranges and lists are not supported
      !=         | ITEMS.G != "a"                   | "!=" at character 9 is not allowed: Item-Attribute-Affinity queries compare a field with = only; ranges and lists are not supported
      <          | ITEMS.PRICE < 5                  | "<" at character 13 is not allowed: Item-Attribute-Affinity queries compare a field with = only; ranges and lists are not supported
      >=         | ITEMS.PRICE >= 5                 | ">=" at character 13 is not allowed: Item-Attribute-Affinity queries compare a field with = only; ranges and lists are not supported
      BETWEEN    | ITEMS.PRICE BETWEEN 1 AND 5      | "BETWEEN" at character 13 is not allowed: Item-Attribute-Affinity queries compare a field with = only; ranges and lists are not supported
      parens     | (ITEMS.G = "a")                  | "(" at character 1 is not allowed: queries have no parentheses; join conditions with AND, and write alternatives as separate lines
      placeholder| ITEMS.G = $GENRE                 | "$GENRE" at character 11 is not allowed: queries take literal values, not $ placeholders
      USERS      | USERS.AGE = 30                   | "USERS." at character 1 is not allowed: Item-Attribute-Affinity queries use only ITEMS fields
      other      | MOVIES.G = "a"                   | "MOVIES." at character 1 is not allowed: Item-Attribute-Affinity queries use only ITEMS fields, and there is no dataset MOVIES
      no prefix  | GENRES = "a"                     | "GENRES" at character 1 is not a field: write fields as ITEMS.<FIELD>, e.g. ITEMS.GENRES = "Comedy"
      no field   | ITEMS. = "a"                     | Unexpected "=" at character 8: ITEMS. must be followed by a field name, e.g. ITEMS.GENRES
      no =       | ITEMS.G "a"                      | Unexpected "a" at character 9: ITEMS.G must be followed by =
      no value   | ITEMS.G =                        | Unexpected the end of the query: = must be followed by a quoted value or a number
      unclosed   | ITEMS.G = "a                     | The quoted value starting at character 11 has no closing quote (write \\" for a quote inside a value)
      backslash  | ITEMS.G = "a\\                   | The quoted value starting at character 11 has no closing quote (write \\" for a quote inside a value)
      AND at end | ITEMS.G = "a" AND                | "AND" at character 15 is not followed by a condition
      trailing   | ITEMS.G = "a" "b"                | Unexpected "b" at character 15: after a condition, only AND and another condition may follow
      blank      | '   '                            | "itemAttributes" has no condition: write e.g. ITEMS.GENRES = "Comedy"
      """)
  void forbiddenAndMalformedConstructsSayWhatAndWhere(String name, String text, String message) {
    InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> ItemAttributesExpression.parse(text));
    assertThat(e.getMessage(), equalTo(message));
  }

  @Test
  void resolvesAgainstTheItemsDatasetAndExplainsFieldsItCannotUse(@TempDir Path folder)
      throws IOException, InvalidQueryException {
    Path items = Files.writeString(folder.resolve("items.csv"), """
        ITEM_ID,GENRES,CATEGORY,PRICE,DESCRIPTION
        i1,Comedy|Drama,movies,9.90,"A comedy, and a drama"
        i2,Comedy,books,12,
        i3,Action,movies,9.9,
        """);
    ItemCatalog catalog = ItemCatalog.read(items.toString(),
        DatasetSchema.read(DatasetType.ITEMS, "sample-data/datasets/items-schema.json"));
    ItemAttributeResolver resolver = new ItemAttributeResolver(catalog);
    assertThat(resolver.items("ITEMS.genres = \"Comedy\""), equalTo(List.of("i1", "i2")));
    assertThat(resolver.items("ITEMS.GENRES = \"Comedy\" AND ITEMS.CATEGORY = \"movies\""), equalTo(List.of("i1")));
    assertThat(resolver.items("ITEMS.PRICE = 9.9"), equalTo(List.of("i1", "i3")));
    assertThat(error(resolver, "ITEMS.GENRES = \"Western\""),
        equalTo("No item in the Items dataset matches ITEMS.GENRES = \"Western\""));
    assertThat(error(resolver, "ITEMS.GENRES = \"Comedy\" AND ITEMS.RATING = 5"), equalTo("ITEMS.RATING (character 29) "
        + "is not a field of the Items dataset; fields queries can use: GENRES, CATEGORY, PRICE"));
    assertThat(error(resolver, "ITEMS.DESCRIPTION = \"comedy\""), equalTo("ITEMS.DESCRIPTION (character 1) is a "
        + "textual field, which queries cannot use; fields queries can use: GENRES, CATEGORY, PRICE"));
    assertThat(error(resolver, "ITEMS.PRICE = \"12\""),
        equalTo("ITEMS.PRICE (character 1) is numeric: write its value without quotes, e.g. ITEMS.PRICE = 10"));
    assertThat(error(resolver, "ITEMS.PRICE = \u0663"),
        equalTo("Unexpected \"\u0663\" at character 15: = must be followed by a quoted value or a number"));
    assertThat(error(resolver, "ITEMS.PRICE = 1e999999999"), equalTo("No item in the Items dataset matches "
        + "ITEMS.PRICE = 1e999999999"));
    assertThat(error(resolver, "ITEMS.PRICE = 1" + "0".repeat(64)),
        equalTo("The number at character 15 is longer than 64 characters"));
    assertThat(resolver.items("ITEMS.PRICE = 1.2e1"), equalTo(List.of("i2")));
    assertThat(error(resolver, "ITEMS.CATEGORY = 12"),
        equalTo("ITEMS.CATEGORY (character 1) holds text: quote its value, e.g. ITEMS.CATEGORY = \"12\""));
  }

  private static String error(ItemAttributeResolver resolver, String query) {
    return assertThrows(InvalidQueryException.class, () -> resolver.items(query)).getMessage();
  }
}
