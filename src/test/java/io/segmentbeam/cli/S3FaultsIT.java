package io.segmentbeam.cli;

import static io.segmentbeam.s3.S3ProxyServer.KMS_KEY;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.s3.FaultyFront;
import io.segmentbeam.s3.FaultyFront.Refusal;
import io.segmentbeam.s3.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What an S3 server does to a job when it is not well: throttles, refuses the job's KMS key, fails
 * every write, or stops in the middle. The job talks to S3Proxy through a front that answers some requests itself
 * (as S3 would) and can stop and restart listening; the test checks the server behind it directly.
 */
class S3FaultsIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BUCKET = "faults";
  static final String REFUSED_KEY = "arn:aws:kms:us-east-1:123456789012:key/00000000-dead-beef-0000-000000000000";

  @TempDir static Path folder;
  static S3ProxyServer server;
  static S3Client s3;
  static FaultyFront front;

  @BeforeAll
  static void start() throws Exception {
    server = S3ProxyServer.withSampleInput(folder, BUCKET);
    front = new FaultyFront(server.endpoint());
    s3 = server.client();
  }

  @AfterAll
  static void stop() throws IOException {
    front.close();
    server.close();
  }

  @BeforeEach
  void noFaults() {
    front.faults(request -> Optional.empty());
  }

  @Test
  void throttledWritesAreRetriedToSuccess() throws IOException {
    AtomicInteger throttled = new AtomicInteger();
    front.faults(request -> (request.method().equals("PUT") || request.method().equals("POST"))
        && request.target().contains("/throttled/") && throttled.get() < 2 && throttled.incrementAndGet() > 0
        ? Optional.of(new Refusal(503, "Slow Down", "SlowDown", "Please reduce your request rate.")) : Optional.empty());
    JsonNode job = run("throttled", "s3://faults/throttled/", KMS_KEY);
    assertThat(job.path("failureReason").asText(), job.get("status").asText(), equalTo("ACTIVE"));
    assertThat(throttled.get(), equalTo(2));
    assertThat(keys("throttled/"), equalTo(List.of("throttled/items-1.json.out", "throttled/items-2.json.out")));
    assertThat(lines("throttled/items-1.json.out"), equalTo(25));
  }

  @Test
  void aKeyTheServerRefusesFailsTheJobNamingItAndLeavesNothing() throws IOException {
    front.faults(request -> request.header("x-amz-server-side-encryption-aws-kms-key-id")
        .filter(REFUSED_KEY::equals)
        .map(key -> new Refusal(400, "Bad Request", "KMS.NotFoundException", "Invalid keyId " + key)));
    JsonNode job = run("refused-key", "s3://faults/refused/", REFUSED_KEY);
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), startsWith("The output storage refused to encrypt with "
        + "jobOutput.s3DataDestination.kmsKeyArn " + REFUSED_KEY + ": Invalid keyId " + REFUSED_KEY));
    assertThat(keys("refused"), empty());
  }

  @Test
  void aServerStoppedInTheMiddleFailsTheJobAndLeavesNothingOnceItIsBack() throws Exception {
    AtomicBoolean stopped = new AtomicBoolean();
    front.faults(request -> {
      // The first write of an output part: the input has been read, the output is on its way.
      if (request.target().contains("/stopped/.segmentbeam-staging") && !request.target().contains("kms-key-check")
          && (request.method().equals("PUT") || request.method().equals("POST")) && stopped.compareAndSet(false, true)) {
        Thread restart = new Thread(() -> {
          try {
            front.stop();
            Thread.sleep(5_000);
            front.start();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        restart.start();
      }
      return Optional.empty();
    });
    JsonNode job = run("stopped", "s3://faults/stopped/", KMS_KEY);
    assertThat(stopped.get(), equalTo(true));
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), startsWith("The segment pipeline failed: "));
    assertThat(keys("stopped"), empty());
  }

  @Test
  void anExportTheServerRefusesEndsCreateFailedAndLeavesNothing() throws IOException {
    front.faults(request -> request.header("x-amz-server-side-encryption-aws-kms-key-id")
        .filter(REFUSED_KEY::equals)
        .map(key -> new Refusal(400, "Bad Request", "KMS.NotFoundException", "Invalid keyId " + key)));
    JsonNode refused = export("export-refused-key", REFUSED_KEY);
    assertThat(refused.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(refused.get("failureReason").asText(), startsWith("The output storage refused to encrypt with "
        + "jobOutput.s3DataDestination.kmsKeyArn " + REFUSED_KEY + ": Invalid keyId " + REFUSED_KEY));
    assertThat(keys("exports/export-refused-key"), empty());

    // Every write of the export's files fails, however often it is retried.
    front.faults(request -> (request.method().equals("PUT") || request.method().equals("POST"))
        && request.target().contains("export-broken") && !request.target().contains("kms-key-check")
        ? Optional.of(new Refusal(500, "Internal Server Error", "InternalError", "We encountered an internal error."))
        : Optional.empty());
    JsonNode broken = export("export-broken", KMS_KEY);
    assertThat(broken.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(broken.get("failureReason").asText(), startsWith("The export pipeline failed: "));

    // The files are all written, but moving them into place fails: none is left there, published or staged.
    front.faults(request -> request.method().equals("PUT") && request.target().contains("/exports/export-unpublished/")
        ? Optional.of(new Refusal(500, "Internal Server Error", "InternalError", "We encountered an internal error."))
        : Optional.empty());
    JsonNode unpublished = export("export-unpublished", KMS_KEY);
    assertThat(unpublished.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(unpublished.get("failureReason").asText(), startsWith("Cannot move the finished export files into "
        + "jobOutput.s3DataDestination.path s3://faults/exports/export-unpublished/: "));
    front.faults(request -> Optional.empty());
    assertThat(keys("exports/"), empty());
  }

  /** Exports the Users dataset of the declared sample group to s3://faults/exports/; returns the job. */
  private static JsonNode export(String name, String kmsKeyArn) throws IOException {
    Path home = Files.createDirectories(folder.resolve("home"));
    String arn = "arn:aws:personalize:us-east-1:123456789012:dataset-export-job/" + name;
    CliRun.run(home, "create-dataset-export-job", "--job-name", name, "--dataset-arn",
        "arn:aws:personalize:us-east-1:123456789012:dataset/sample/USERS", "--ingestion-mode", "ALL", "--role-arn",
        "arn:aws:iam::123456789012:role/PersonalizeRole", "--job-output", "{\"s3DataDestination\": {\"path\": "
            + "\"s3://faults/exports/\", \"kmsKeyArn\": \"" + kmsKeyArn + "\"}}",
        "--endpoint-url", front.endpoint().toString());
    CliRun described = CliRun.run(home, "describe-dataset-export-job", "--dataset-export-job-arn", arn);
    return JSON.readTree(described.out()).get("datasetExportJob");
  }

  private static JsonNode run(String name, String output, String kmsKeyArn) throws IOException {
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("pipelines", "sample-batch-segment-job.json").toFile());
    request.put("jobName", name);
    ((ObjectNode) request.get("jobInput").get("s3DataSource")).put("path", "s3://faults/input/");
    ObjectNode destination = (ObjectNode) request.get("jobOutput").get("s3DataDestination");
    destination.put("path", output).put("kmsKeyArn", kmsKeyArn);
    Path home = Files.createDirectories(folder.resolve("home"));
    List<String> args = new ArrayList<>(List.of("create-batch-segment-job", "--cli-input-json", request.toString(),
        "--endpoint-url", front.endpoint().toString()));
    CliRun created = CliRun.run(home, args.toArray(String[]::new));
    assertThat(created.err(), created.exitCode(), greaterThanOrEqualTo(0));
    CliRun described = CliRun.run(home, "describe-batch-segment-job", "--batch-segment-job-arn",
        JSON.readTree(created.out()).get("batchSegmentJobArn").asText());
    return JSON.readTree(described.out()).get("batchSegmentJob");
  }

  private static List<String> keys(String prefix) {
    return s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).sorted().toList();
  }

  private static int lines(String key) {
    return s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asUtf8String().split("\n").length;
  }
}
