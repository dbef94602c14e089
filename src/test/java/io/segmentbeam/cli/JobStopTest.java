package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

  /**
   * Starts a job of 200,000 lines in {@code files} input files, long enough to be stopped; returns
   * once {@code phase} holds (it has made its staging folder, or written its first output file).
   */
  private Process startLongJob(String name, Path output, int files, Phase phase)
      throws IOException, InterruptedException {
    Path input = Files.createDirectories(work.resolve("in"));
    List<String> items = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("sample-data/models/sample-item-affinity/item-factors.jsonl"))) {
      items.add(JSON.readTree(line).get("id").asText());
    }
    int perFile = 200_000 / files;
    for (int file = 0; file < files; file++) {
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < perFile; i++) {
        lines.append("{\"itemId\": \"").append(items.get((file + i) % items.size())).append("\"}\n");
      }
      Files.writeString(input.resolve("part-" + file + ".json"), lines);
    }
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
    while (!phase.reached(output) && process.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat("the job reached " + phase, phase.reached(output), equalTo(true));
    return process;
  }

  /** How far a job has gone, as seen in its output folder. */
  private enum Phase {
    STAGED, WRITING;

    boolean reached(Path output) throws IOException {
      if (!Files.isDirectory(output)) {
        return false;
      }
      try (Stream<Path> entries = Files.list(output)) {
        Path staging = entries.filter(entry -> entry.getFileName().toString().startsWith(".segmentbeam-staging-"))
            .findFirst().orElse(null);
        if (staging == null || this == STAGED) {
          return staging != null;
        }
        try (Stream<Path> written = Files.list(staging.resolve("files"))) {
          return written.findAny().isPresent();
        } catch (IOException notYet) {
          return false;
        }
      }
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
    Process process = startLongJob("signalled", output, 1, Phase.STAGED);

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
  void aSignalWhileTheJobWritesItsFilesEndsItAndRemovesThem() throws Exception {
    Path output = Files.createDirectories(work.resolve("out"));
    Files.writeString(output.resolve("part-0.json.out"), "an earlier job's output of the same name\n");
    Map<String, String> before = FolderSnapshot.of(output);
    Process process = startLongJob("signalled-writing", output, 2_000, Phase.WRITING);

    process.destroy();

    assertThat(process.waitFor(60, TimeUnit.SECONDS), equalTo(true));
    assertThat(describe("signalled-writing").get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(FolderSnapshot.of(output), equalTo(before));
  }

  @Test
  void aJobWhoseProcessWasKilledIsEndedByTheNextDescribe() throws Exception {
    Path output = Files.createDirectories(work.resolve("out"));
    Files.writeString(output.resolve("earlier.json.out"), "an earlier job's output\n");
    Map<String, String> before = FolderSnapshot.of(output);
    Process process = startLongJob("killed", output, 1, Phase.STAGED);

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

  /**
   * The store stops taking writes while the job runs (its document made immutable, which even
   * root cannot replace): the job publishes its output but cannot record ACTIVE, says so, and the
   * next describe, with the store writable again, records what happened.
   */
  @Test
  void aJobWhoseEndTheStoreCouldNotRecordIsRecordedByTheNextCommand() throws Exception {
    Path probe = Files.writeString(home.resolve("chattr-probe"), "");
    assumeTrue(new ProcessBuilder("chattr", "+i", probe.toString()).start().waitFor() == 0,
        "chattr +i works on this file system");
    new ProcessBuilder("chattr", "-i", probe.toString()).start().waitFor();
    Path output = work.resolve("out");
    Process process = startLongJob("unrecorded", output, 1, Phase.STAGED);
    Path document = home.resolve("batch-segment-jobs/us-east-1/123456789012/unrecorded.json");
    try {
      assertThat(new ProcessBuilder("chattr", "+i", document.toString()).start().waitFor(), equalTo(0));
      assertThat(process.waitFor(120, TimeUnit.SECONDS), equalTo(true));
      assertThat(process.exitValue(), equalTo(254));
      assertThat(Files.readString(work.resolve("unrecorded.err")), containsString("An error occurred (InternalFailure) when calling the CreateBatchSegmentJob operation"));
    } finally {
      new ProcessBuilder("chattr", "-i", document.toString()).start().waitFor();
    }
    assertThat(Files.exists(output.resolve("part-0.json.out")), equalTo(true));

    assertThat(describe("unrecorded").get("status").asText(), equalTo("ACTIVE"));
    assertThat(Files.exists(home.resolve("job-runs/us-east-1/123456789012/batch-segment-job/unrecorded.json")),
        equalTo(false));
  }

  @Test
  void anImportWhoseProcessWasKilledIsEndedAndItsUnfinishedVersionRemoved() throws Exception {
    String account = "arn:aws:personalize:us-east-1:123456789012:";
    for (String[] command : new String[][] {
        {"create-dataset-group", "--name", "stop"},
        {"create-schema", "--name", "stop-interactions", "--schema", "file://sample-data/datasets/interactions-schema.json"},
        {"create-dataset", "--name", "stop-interactions", "--dataset-group-arn", account + "dataset-group/stop",
            "--dataset-type", "Interactions", "--schema-arn", account + "schema/stop-interactions"}}) {
      CliRun run = CliRun.run(home, command);
      assertThat(run.err(), run.exitCode(), equalTo(0));
    }
    List<String> rows = Files.readAllLines(Path.of("sample-data/datasets/interactions.csv"));
    StringBuilder csv = new StringBuilder(rows.get(0)).append('\n');
    for (int copy = 0; copy < 40; copy++) {
      rows.subList(1, rows.size()).forEach(row -> csv.append(row).append('\n'));
    }
    Path data = Files.writeString(work.resolve("interactions.csv"), csv);
    Path datasetFolder = home.resolve("dataset-data");
    Map<String, String> before = FolderSnapshot.of(datasetFolder);
    Path runFile = home.resolve("job-runs/us-east-1/123456789012/dataset-import-job/stop.json");
    Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
        "-cp", System.getProperty("java.class.path"), SegmentBeamCli.class.getName(), "create-dataset-import-job",
        "--home=" + home, "--job-name", "stop", "--dataset-arn", account + "dataset/stop/INTERACTIONS",
        "--role-arn", "arn:aws:iam::123456789012:role/PersonalizeRole",
        "--data-source", "{\"dataLocation\": \"" + data + "\"}")
        .redirectOutput(work.resolve("stop.out").toFile()).redirectError(work.resolve("stop.err").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String version = null;
    while (version == null && process.isAlive() && System.nanoTime() < deadline) {
      if (Files.exists(runFile)) {
        JsonNode staging = JSON.readTree(Files.readString(runFile)).path("staging");
        version = staging.isEmpty() ? null : staging.get(0).asText();
      }
      Thread.sleep(20);
    }
    assertThat("the import began to write its version", version == null, equalTo(false));
    Thread.sleep(1_000);

    process.destroyForcibly();
    assertThat(process.waitFor(60, TimeUnit.SECONDS), equalTo(true));

    CliRun described = CliRun.run(home, "describe-dataset-import-job", "--dataset-import-job-arn",
        account + "dataset-import-job/stop");
    JsonNode job = JSON.readTree(described.out()).get("datasetImportJob");
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), startsWith("The process running this job"));
    assertThat(Files.exists(Path.of(version)), equalTo(false));
    assertThat(FolderSnapshot.of(datasetFolder), equalTo(before));
  }
}
