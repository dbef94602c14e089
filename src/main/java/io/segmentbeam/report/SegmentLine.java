package io.segmentbeam.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * One line of a job's {@code .out} files: where it is, the input it answers, and its segment or
 * its error.
 *
 * @param file the {@code .out} file's name
 * @param number the line's number in it, from 1
 * @param input the input line's JSON, as the output echoes it
 * @param users the segment, best first; empty for an error line
 * @param error the error, or null
 */
public record SegmentLine(String file, int number, String input, List<String> users, String error) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every line of the files at these locations (local or s3://), file by file. */
  public static List<SegmentLine> read(List<String> locations) throws IOException {
    List<SegmentLine> lines = new ArrayList<>();
    for (String location : locations) {
      ResourceId file = FileSystems.matchSingleFileSpec(location).resourceId();
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(
          Channels.newInputStream(FileSystems.open(file)), StandardCharsets.UTF_8))) {
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          number++;
          lines.add(parse(file.getFilename(), number, line));
        }
      }
    }
    return lines;
  }

  private static SegmentLine parse(String file, int number, String line) throws IOException {
    JsonNode node = JSON.readTree(line);
    List<String> users = new ArrayList<>();
    node.path("output").path("usersList").forEach(user -> users.add(user.asText()));
    JsonNode error = node.path("error");
    return new SegmentLine(file, number, node.path("input").toString(), List.copyOf(users),
        error.isNull() || error.isMissingNode() ? null : error.asText());
  }

  /** Where the line is, for labels: {@code items-1.json.out:3}. */
  public String place() {
    return file + ":" + number;
  }
}
