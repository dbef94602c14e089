package io.segmentbeam.pipeline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;

/**
 * The output line format of a batch segment job, one JSON object per input line:
 * {@code {"input": {"itemId": "105"}, "output": {"usersList": ["448", "117"]}, "error": null}}, or
 * {@code "output": null} and an error message for a line that could not be served.
 */
public final class OutputLines {
  private static final ObjectWriter WRITER = new ObjectMapper().writer(new SpacedPrinter());

  private OutputLines() {}

  public static String users(JsonNode input, List<String> usersList) {
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    ArrayNode users = output.putArray("usersList");
    usersList.forEach(users::add);
    return line(input, output, null);
  }

  public static String error(JsonNode input, String message) {
    return line(input, null, message);
  }

  private static String line(JsonNode input, JsonNode output, String error) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.set("input", input);
    line.set("output", output);
    line.put("error", error);
    try {
      return WRITER.writeValueAsString(line);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write an output line", e);
    }
  }

  /** One line, with a space after each colon and comma, as in the Personalize documentation. */
  private static final class SpacedPrinter extends MinimalPrettyPrinter {
    private static final long serialVersionUID = 1L;

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
      g.writeRaw(", ");
    }
  }
}
