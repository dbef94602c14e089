package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One in-process run of the segmentbeam command, with what it printed. */
record CliRun(int exitCode, String out, String err) {
  /** The AWS CLI's error line, after the empty line it prints first: type, operation, message. */
  static final Pattern AWS_CLI_ERROR = Pattern.compile(
      "\\R?An error occurred \\((\\w+)\\) when calling the (\\w+) operation: (.*)\\R", Pattern.DOTALL);

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
  void assertApiError(String type, String message) {
    assertThat(out + err, exitCode, equalTo(254));
    assertThat(out, equalTo(""));
    assertThat(errorType(), equalTo(type));
    assertThat(errorMessage(), equalTo(message));
  }

  /** The type of the AWS error the run ended with, read from the AWS CLI's error line. */
  String errorType() {
    return errorLine().group(1);
  }

  /** The operation the AWS CLI's error line names. */
  String errorOperation() {
    return errorLine().group(2);
  }

  String errorMessage() {
    return errorLine().group(3);
  }

  private Matcher errorLine() {
    Matcher line = AWS_CLI_ERROR.matcher(err);
    assertThat(err, line.matches(), equalTo(true));
    return line;
  }

  /** The names of a JSON object's members, in the order printed. */
  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
