package io.segmentbeam.query;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.dataset.ItemCatalog;
import io.segmentbeam.testing.HostileStrings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * No content of an input line can fail a job: every string becomes a query or an error line, and
 * every {@code itemAttributes} expression resolves to items or an InvalidQueryException.
 */
class QueryParserPropertyTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> EXPRESSIONS = List.of(
      "ITEMS.GENRES = \"Comedy\" AND ITEMS.CATEGORY = \"movies\"",
      "ITEMS.PRICE = 9.99", "items.genres = \"say \\\"hi\\\"\" and ITEMS.PRICE=-9.5e1");
  private static final List<String> LINES = List.of("{\"itemId\": \"105\"}",
      "{\"itemAttributes\": \"ITEMS.GENRES = \\\"Comedy\\\"\", \"filterValues\": {\"MEMBERSHIP\": \"\\\"gold\\\"\"}}",
      "{\"itemId\": \"7\", \"filterValues\": {\"AGE\": \"30\", \"EVENT_TYPE\": \"\\\"click\\\",\\\"rating\\\"\"}}");
  private static final ItemAttributeResolver RESOLVER;

  static {
    try {
      RESOLVER = new ItemAttributeResolver(ItemCatalog.read("sample-data/datasets/items.csv",
          DatasetSchema.read(DatasetType.ITEMS, "sample-data/datasets/items-schema.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Property(tries = 5000)
  void everyLineIsAQueryOrAnErrorLine(@ForAll("lines") String line) {
    ParsedLine parsed = QueryParser.parse(line);
    if (parsed instanceof ParsedLine.Rejected rejected) {
      assertThat(rejected.error(), not(emptyString()));
    }
  }

  @Property(tries = 5000)
  void everyItemAttributesValueResolvesOrSaysWhy(@ForAll("expressions") String expression) {
    ObjectNode line = JSON.createObjectNode().put("itemAttributes", expression);
    ParsedLine parsed = QueryParser.parse(line.toString());
    if (!(parsed instanceof ParsedLine.Query query)) {
      return;
    }
    try {
      assertThat(RESOLVER.items(query.query().itemAttributes()).isEmpty(), is(false));
    } catch (InvalidQueryException e) {
      assertThat(e.getMessage(), not(emptyString()));
    }
  }

  @Provide
  Arbitrary<String> lines() {
    return HostileStrings.around(LINES);
  }

  @Provide
  Arbitrary<String> expressions() {
    return HostileStrings.around(EXPRESSIONS);
  }
}
