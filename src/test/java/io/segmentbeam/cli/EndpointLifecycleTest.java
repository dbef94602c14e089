package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping and restarting the endpoint: a stop lets running jobs finish within the grace period
 * and ends the rest CREATE FAILED, their output removed; a restart on the same store finds every
 * resource it had.
 */
class EndpointLifecycleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VERSION =
      "arn:aws:personalize:us-east-1:123456789012:solution/sample-item-affinity/9a77e2ec";
  private static final String JOBS = "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/";

  static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/0a0b0c0d-1111-2222-3333-444455556666";

  @TempDir Path work;

  private EndpointClientsTest.Run aws(ServedEndpoint server, String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("aws", "personalize"));
    command.addAll(List.of(args));
    return EndpointClientsTest.run(work, server.url(), command);
  }

  private EndpointClientsTest.Run create(ServedEndpoint server, String name, String input) throws Exception {
    return aws(server, "create-batch-segment-job", "--job-name", name, "--solution-version-arn", VERSION,
        "--job-input", "{\"s3DataSource\": {\"path\": \"" + input + "\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve(name) + "/\"}}",
        "--role-arn", "arn:aws:iam::123456789012:role/PersonalizeRole");
  }

  private JsonNode describe(ServedEndpoint server, String name) throws Exception {
    EndpointClientsTest.Run described = aws(server, "describe-batch-segment-job", "--batch-segment-job-arn",
        JOBS + name);
    assertThat(described.err(), described.exitCode(), equalTo(0));
    return JSON.readTree(described.out()).get("batchSegmentJob");
  }

  @Test
  void aStopLetsRunningJobsFinishWithinTheGraceEndsTheRestAndARestartFindsThemAll() throws Exception {
    ServedEndpoint first = ServedEndpoint.start(work, "--shutdown-grace-seconds", "60");
    EndpointClientsTest.Run quick = create(first, "quick", "sample-data/input/");
    assertThat(quick.err(), quick.exitCode(), equalTo(0));
    assertThat(EndpointClientsTest.run(work, first.url(), List.of("aws", "s3", "mb", "s3://kept")).exitCode(),
        equalTo(0));
    EndpointClientsTest.Run put = EndpointClientsTest.run(work, first.url(), List.of("aws", "s3", "cp",
        "sample-data/input/items-1.json", "s3://kept/items-1.json", "--sse", "aws:kms", "--sse-kms-key-id", KMS_KEY));
    assertThat(put.err(), put.exitCode(), equalTo(0));
    first.close();

    Path input = Files.createDirectories(work.resolve("in"));
    Files.writeString(input.resolve("big.json"), "{\"itemId\": \"100057\"}\n".repeat(300_000));
    ServedEndpoint second = ServedEndpoint.start(work, "--shutdown-grace-seconds", "1", "--liftInputLimits=true");
    assertThat(describe(second, "quick").get("status").asText(), equalTo("ACTIVE"));
    assertThat(Files.readAllLines(work.resolve("quick/items-1.json.out")).size(), equalTo(25));
    EndpointClientsTest.Run slow = create(second, "slow", input + "/");
    assertThat(slow.err(), slow.exitCode(), equalTo(0));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!describe(second, "slow").get("status").asText().equals("CREATE IN_PROGRESS")
        && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    second.close();

    ServedEndpoint third = ServedEndpoint.start(work);
    try {
      JsonNode stopped = describe(third, "slow");
      assertThat(stopped.get("status").asText(), equalTo("CREATE FAILED"));
      assertThat(stopped.get("failureReason").asText(), equalTo("The job was stopped before it finished: its "
          + "process received a signal to end (Ctrl-C, kill or a shutdown). What it had written was removed; "
          + "create it again under a new name."));
      assertThat(Files.exists(work.resolve("slow")), equalTo(false));
      assertThat(describe(third, "quick").get("status").asText(), equalTo("ACTIVE"));
      EndpointClientsTest.Run head = EndpointClientsTest.run(work, third.url(), List.of("aws", "s3api",
          "head-object", "--bucket", "kept", "--key", "items-1.json"));
      assertThat(head.err(), head.exitCode(), equalTo(0));
      assertThat(JSON.readTree(head.out()).get("SSEKMSKeyId").asText(), equalTo(KMS_KEY));
    } finally {
      third.close();
    }
    // Each stop stopped its S3 server too.
    String servers = work.resolve("home").resolve("s3").toString();
    assertThat(ProcessHandle.allProcesses().filter(process -> process.info().commandLine()
        .map(line -> line.contains(servers)).orElse(false)).count(), equalTo(0L));
  }
}
