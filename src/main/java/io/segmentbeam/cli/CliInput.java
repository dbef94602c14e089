package io.segmentbeam.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.segmentbeam.api.ApiJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Parameter values as the AWS CLI takes them: {@code file://path} (or {@code fileb://path}) reads
 * the value from a file, anything else is the value itself. JSON parameters must be JSON.
 */
final class CliInput {
  private CliInput() {}

  static JsonNode json(CommandLine command, String option, String value) {
    String text = load(command, option, value);
    try {
      return ApiJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new CommandLine.ParameterException(command,
          "Error parsing parameter '" + option + "': Invalid JSON: " + e.getOriginalMessage());
    }
  }

  private static String load(CommandLine command, String option, String value) {
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
