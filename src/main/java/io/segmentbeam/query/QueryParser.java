package io.segmentbeam.query;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses batch segment input lines: one JSON object per line with {@code itemId} or
 * {@code itemAttributes}, and optionally {@code filterValues} (parameter name to value string).
 * Every problem becomes a {@link ParsedLine.Rejected} whose message says what is wrong.
 */
public final class QueryParser {
  /** Personalize item ids are at most 256 characters. */
  public static final int MAX_ITEM_ID_LENGTH = 256;

  private static final Set<String> KEYS = Set.of("itemId", "itemAttributes", "filterValues");
  private static final String EXAMPLE = "{\"itemId\": \"105\"}";
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private QueryParser() {}

  public static ParsedLine parse(String line) {
    if (line.isBlank()) {
      return reject(TextNode.valueOf(line), "Line is blank: each line must be a JSON object such as " + EXAMPLE);
    }
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return reject(TextNode.valueOf(line), "Line is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode input)) {
      return reject(node, "Line is a JSON " + node.getNodeType().name().toLowerCase()
          + ", not an object: each line must be a JSON object such as " + EXAMPLE);
    }
    for (Iterator<String> names = input.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        return reject(input, "Unknown key \"" + name
            + "\": a line may only have \"itemId\" or \"itemAttributes\", and \"filterValues\"");
      }
    }
    JsonNode itemId = input.get("itemId");
    JsonNode itemAttributes = input.get("itemAttributes");
    if (itemId != null && itemAttributes != null) {
      return reject(input, "Line has both \"itemId\" and \"itemAttributes\": a line holds one query");
    }
    if (itemId == null && itemAttributes == null) {
      return reject(input, "Line has no \"itemId\" or \"itemAttributes\": each line needs one, e.g. " + EXAMPLE);
    }
    String field = itemId != null ? "itemId" : "itemAttributes";
    JsonNode value = itemId != null ? itemId : itemAttributes;
    if (!value.isTextual()) {
      return reject(input, "\"" + field + "\" must be a string, not a " + value.getNodeType().name().toLowerCase());
    }
    if (value.textValue().isEmpty()) {
      return reject(input, "\"" + field + "\" is empty");
    }
    if (itemId != null && itemId.textValue().length() > MAX_ITEM_ID_LENGTH) {
      return reject(input, "\"itemId\" is longer than " + MAX_ITEM_ID_LENGTH + " characters");
    }
    JsonNode filterValues = input.get("filterValues");
    Map<String, String> parameters = new LinkedHashMap<>();
    if (filterValues != null) {
      if (!filterValues.isObject()) {
        return reject(input, "\"filterValues\" must be an object of parameter names to strings, e.g. "
            + "{\"MEMBERSHIP\": \"\\\"gold\\\"\"}");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = filterValues.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> parameter = it.next();
        if (!parameter.getValue().isTextual()) {
          return reject(input, "\"filterValues\"." + parameter.getKey() + " must be a string, not a "
              + parameter.getValue().getNodeType().name().toLowerCase());
        }
        parameters.put(parameter.getKey(), parameter.getValue().textValue());
      }
    }
    return new ParsedLine.Query(new SegmentQuery(input,
        itemId == null ? null : itemId.textValue(),
        itemAttributes == null ? null : itemAttributes.textValue(),
        Map.copyOf(parameters)));
  }

  private static ParsedLine reject(JsonNode input, String error) {
    return new ParsedLine.Rejected(input, error);
  }
}
