package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the segmentbeam command, with what it printed. */
record CliRun(int exitCode, String out, String err) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Runs the command against the job store in {@code home} (unless the arguments name another)
   * and the repository's pipelines/.
   */
  static CliRun run(Path home, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (all.stream().noneMatch(arg -> arg.startsWith("--home"))) {
      all.add("--home=" + home);
    }
    if (all.stream().noneMatch(arg -> arg.startsWith("--region"))) {
      all.add("--region=us-east-1");
    }
    all.add("--account-id=123456789012");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SegmentBeamCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** Asserts the run ended with the AWS error of this type and message, printed as the AWS CLI prints it. */
  void assertApiError(String type, String message) throws IOException {
    assertThat(out + err, exitCode, equalTo(254));
    JsonNode error = JSON.readTree(err);
    assertThat(error.get("__type").asText(), equalTo(type));
    assertThat(error.get("message").asText(), equalTo(message));
  }

  /** The names of a JSON object's members, in the order printed. */
  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
