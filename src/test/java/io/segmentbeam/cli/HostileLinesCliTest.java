package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No content of a line fails a job: each line that cannot be served gets its error line, and the job is ACTIVE. */
class HostileLinesCliTest {
  @TempDir Path home;
  @TempDir Path work;

  @Test
  void numbersThatOnceFailedTheJobOrFilledTheHeapGetErrorLines() throws IOException {
    Path input = Files.createDirectories(work.resolve("in"));
    Files.writeString(input.resolve("hostile.json"), String.join("\n",
        "{\"itemAttributes\": \"ITEMS.PRICE = \\u0663\"}",
        "{\"itemAttributes\": \"ITEMS.PRICE = 1e999999999\"}",
        "{\"itemAttributes\": \"ITEMS.PRICE = 1" + "0".repeat(80) + "\"}",
        "{\"itemAttributes\": \"ITEMS.GENRES = \\\"Thriller\\\" AND\"}",
        "{\"itemAttributes\": \"ITEMS.GENRES = \\\"Thriller\\\"\"}") + "\n");
    Path output = work.resolve("out");

    CliRun run = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-attribute-segment-job.json", "--job-name", "hostile",
        "--job-input", "{\"s3DataSource\": {\"path\": \"" + input + "/\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + output + "/\"}}");

    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(run.err(), containsString("linesFailed=4, linesRead=5, linesScored=1"));
    List<String> lines = Files.readAllLines(output.resolve("hostile.json.out"));
    assertThat(lines.size(), equalTo(5));
    assertThat(lines.get(0), equalTo("{\"input\": {\"itemAttributes\": \"ITEMS.PRICE = \u0663\"}, \"output\": null, "
        + "\"error\": \"Unexpected \\\"\u0663\\\" at character 15: = must be followed by a quoted value or a number\"}"));
    assertThat(lines.get(1), equalTo("{\"input\": {\"itemAttributes\": \"ITEMS.PRICE = 1e999999999\"}, \"output\": null, "
        + "\"error\": \"No item in the Items dataset matches ITEMS.PRICE = 1e999999999\"}"));
    assertThat(lines.get(2), containsString("\"error\": \"The number at character 15 is longer than 64 characters\""));
    assertThat(lines.get(3), containsString("\"error\": \"\\\"AND\\\" at character 27 is not followed by a condition\""));
    assertThat(lines.get(4), containsString("\"output\": {\"usersList\": ["));
  }
}
