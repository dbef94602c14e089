package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job whose runner is on another machine (an s3:// store shared by several) is taken for gone
 * only once its lease has gone unrenewed for 60 s; a job recorded but never given a runner record
 * is ended once it is that old. Until then it is left running.
 */
class OrphanedJobsCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN = "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/elsewhere";

  @TempDir Path home;
  @TempDir Path work;
  private Path jobFile;
  private Path runFile;
  private Path staging;

  /** A job recorded IN_PROGRESS whose runner is a process on another machine, with a staging folder. */
  @BeforeEach
  void jobRunningElsewhere() throws IOException {
    CliRun created = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--job-name", "elsewhere", "--job-output",
        "{\"s3DataDestination\": {\"path\": \"" + work.resolve("out") + "/\"}}");
    assertThat(created.err(), created.exitCode(), equalTo(0));
    jobFile = home.resolve("batch-segment-jobs/us-east-1/123456789012/elsewhere.json");
    ObjectNode job = (ObjectNode) JSON.readTree(jobFile.toFile());
    job.put("status", "CREATE IN_PROGRESS");
    Files.writeString(jobFile, job.toString());
    staging = Files.createDirectories(work.resolve("out/.segmentbeam-staging-elsewhere-1a2b3c4d/files"));
    Files.writeString(staging.resolve("items-1.json.out"), "half-written\n");
    runFile = Files.createDirectories(home.resolve("job-runs/us-east-1/123456789012/batch-segment-job"))
        .resolve("elsewhere.json");
  }

  private void runnerRenewedSecondsAgo(long seconds) throws IOException {
    Files.writeString(runFile, """
        {"runner": {"host": "another-machine", "bootId": "b00t", "pid": 4242, "startMillis": 1},
         "heartbeatMillis": %d, "publishing": false, "outputFolder": "%s/",
         "staging": ["%s/"], "madeFolders": []}
        """.formatted(System.currentTimeMillis() - seconds * 1000, work.resolve("out"),
        work.resolve("out/.segmentbeam-staging-elsewhere-1a2b3c4d")));
  }

  private JsonNode describe() throws IOException {
    CliRun described = CliRun.run(home, "describe-batch-segment-job", "--batch-segment-job-arn", ARN);
    assertThat(described.err(), described.exitCode(), equalTo(0));
    return JSON.readTree(described.out()).get("batchSegmentJob");
  }

  @Test
  void aRunnerElsewhereThatRenewedItsLeaseIsLeftRunning() throws IOException {
    runnerRenewedSecondsAgo(5);
    assertThat(describe().get("status").asText(), equalTo("CREATE IN_PROGRESS"));
    assertThat(Files.exists(staging), equalTo(true));
  }

  @Test
  void aRunnerElsewhereSilentForMoreThanTheLeaseIsGoneAndItsJobEnds() throws IOException {
    runnerRenewedSecondsAgo(61);
    JsonNode job = describe();
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), startsWith("The process running this job (process 4242 on "
        + "another-machine) ended before the job finished"));
    assertThat(Files.exists(work.resolve("out/.segmentbeam-staging-elsewhere-1a2b3c4d")), equalTo(false));
    assertThat(Files.exists(runFile), equalTo(false));
  }

  @Test
  void aJobLeftPendingWithoutARunnerEndsOnceItIsOlderThanTheLease() throws IOException {
    ObjectNode job = (ObjectNode) JSON.readTree(jobFile.toFile());
    job.put("status", "CREATE PENDING");
    Files.writeString(jobFile, job.toString());
    assertThat(describe().get("status").asText(), equalTo("CREATE PENDING"));

    job.put("creationDateTime", new BigDecimal(System.currentTimeMillis() - 61_000).movePointLeft(3));
    Files.writeString(jobFile, job.toString());
    assertThat(describe().get("status").asText(), equalTo("CREATE FAILED"));
  }
}
