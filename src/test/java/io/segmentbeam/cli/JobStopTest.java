package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.testing.FolderSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs always end, even when their process is stopped: a signal (Ctrl-C, kill) ends the job
 * CREATE FAILED before the process exits, and a process killed outright (kill -9) has its job
 * ended by the next command that reads it. Either way the output path is left as it was found.
 * The command runs in a process of its own, as a user runs it.
 */
class JobStopTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN = "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/";

  @TempDir Path home;
  @TempDir Path work;

  /** Starts a job long enough to be stopped while it scores; returns once it has begun to write. */
  private Process startLongJob(String name, Path output) throws IOException, InterruptedException {
    Path input = Files.createDirectories(work.resolve("in"));
    List<String> items = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("sample-data/models/sample-item-affinity/item-factors.jsonl"))) {
      items.add(JSON.readTree(line).get("id").asText());
    }
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      lines.append("{\"itemId\": \"").append(items.get(i % items.size())).append("\"}\n");
    }
    Files.writeString(input.resolve("big.json"), lines);
    Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        SegmentBeamCli.class.getName(), "create-batch-segment-job", "--home=" + home,
        "--cli-input-json", "file://pipelines/sample-batch-segment-job.json", "--job-name", name,
        "--job-input", "{\"s3DataSource\": {\"path\": \"" + input + "/\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + output + "/\"}}", "--liftInputLimits=true")
        .redirectOutput(work.resolve(name + ".out").toFile())
        .redirectError(work.resolve(name + ".err").toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!staging(output) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat("the job began to write", staging(output), equalTo(true));
    return process;
  }

  private static boolean staging(Path output) throws IOException {
    if (!Files.isDirectory(output)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(output)) {
      return entries.anyMatch(entry -> entry.getFileName().toString().startsWith(".segmentbeam-staging-"));
    }
  }

  private JsonNode describe(String name) throws IOException {
    CliRun described = CliRun.run(home, "describe-batch-segment-job", "--batch-segment-job-arn", ARN + name);
    assertThat(described.err(), described.exitCode(), equalTo(0));
    return JSON.readTree(described.out()).get("batchSegmentJob");
  }

  @Test
  void aSignalEndsTheRunningJobCreateFailedAndRemovesWhatItWrote() throws Exception {
    Path output = work.resolve("out");
    Map<String, String> before = FolderSnapshot.of(output);
    Process process = startLongJob("signalled", output);

    process.destroy();

    assertThat(process.waitFor(60, TimeUnit.SECONDS), equalTo(true));
    assertThat(process.exitValue(), equalTo(143));
    // The ARN came first, as soon as the job was recorded.
    assertThat(Files.readString(work.resolve("signalled.out")), equalTo("{\n    \"batchSegmentJobArn\": \""
        + ARN + "signalled\"\n}\n"));
    JsonNode job = describe("signalled");
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), equalTo("The job was stopped before it finished: its process "
        + "received a signal to end (Ctrl-C, kill or a shutdown). What it had written was removed; create it again "
        + "under a new name."));
    assertThat(FolderSnapshot.of(output), equalTo(before));
  }

  @Test
  void aJobWhoseProcessWasKilledIsEndedByTheNextDescribe() throws Exception {
    Path output = Files.createDirectories(work.resolve("out"));
    Files.writeString(output.resolve("earlier.json.out"), "an earlier job's output\n");
    Map<String, String> before = FolderSnapshot.of(output);
    Process process = startLongJob("killed", output);

    process.destroyForcibly();
    assertThat(process.waitFor(60, TimeUnit.SECONDS), equalTo(true));

    JsonNode job = describe("killed");
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), startsWith("The process running this job (process "
        + process.pid() + " on "));
    assertThat(FolderSnapshot.of(output), equalTo(before));
    CliRun listed = CliRun.run(home, "list-batch-segment-jobs");
    assertThat(JSON.readTree(listed.out()).get("batchSegmentJobs").get(0).get("status").asText(),
        equalTo("CREATE FAILED"));
    assertThat(Files.exists(home.resolve("job-runs/us-east-1/123456789012/batch-segment-job/killed.json")),
        equalTo(false));
  }
}
