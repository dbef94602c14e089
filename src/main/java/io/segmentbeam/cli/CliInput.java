package io.segmentbeam.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import picocli.CommandLine;

/**
 * Parameter values as the AWS CLI takes them: {@code file://path} (or {@code fileb://path}) reads
 * the value from a file, anything else is the value itself. JSON parameters must be JSON.
 */
final class CliInput {
  private CliInput() {}

  static JsonNode json(CommandLine command, String option, String value) {
    String text = text(command, option, value);
    try {
      return ApiJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new CommandLine.ParameterException(command,
          "Error parsing parameter '" + option + "': Invalid JSON: " + e.getOriginalMessage());
    }
  }

  /** The request {@code --cli-input-json} gives, or an empty one; options are then set over it. */
  static ObjectNode request(CommandLine command, String cliInputJson) {
    ObjectNode request = JsonNodeFactory.instance.objectNode();
    if (cliInputJson != null) {
      JsonNode given = json(command, "--cli-input-json", cliInputJson);
      if (!given.isObject()) {
        throw new CommandLine.ParameterException(command, "Error parsing parameter '--cli-input-json': "
            + "expected a JSON object");
      }
      request.setAll((ObjectNode) given);
    }
    return request;
  }

  /**
   * The request {@code --cli-input-json} gives with the options set over it by {@code options},
   * read as the API reads it.
   */
  static <T> T request(CommandLine command, String cliInputJson, Class<T> type, Consumer<ObjectNode> options) {
    ObjectNode request = request(command, cliInputJson);
    options.accept(request);
    return ApiJson.readRequest(request, type);
  }

  /** Sets a text member from its option, when the option was given. */
  static void putText(ObjectNode request, String field, String value) {
    if (value != null) {
      request.put(field, value);
    }
  }

  /** Sets a JSON member from its option, when the option was given. */
  static void putJson(CommandLine command, ObjectNode request, String field, String option, String value) {
    if (value != null) {
      request.set(field, json(command, option, value));
    }
  }

  static String text(CommandLine command, String option, String value) {
    for (String scheme : new String[] {"file://", "fileb://"}) {
      if (value.startsWith(scheme)) {
        Path file = Path.of(value.substring(scheme.length()));
        try {
          return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new CommandLine.ParameterException(command,
              "Error parsing parameter '" + option + "': Unable to load paramfile " + value + ": " + e);
        }
      }
    }
    return value;
  }
}
