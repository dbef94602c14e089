package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.oneOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}, started as a user starts it, driven by AWS's own clients unchanged: the AWS CLI
 * (its own request skeleton, its paginator, its error output, {@code aws s3 cp}) and boto3, with
 * S3 served on the same endpoint.
 */
class EndpointClientsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/0f0e0d0c-1111-2222-3333-444455556666";
  private static final String VERSION =
      "arn:aws:personalize:us-east-1:123456789012:solution/sample-item-affinity/9a77e2ec";

  @TempDir static Path work;
  static ServedEndpoint server;
  static String endpoint;

  @BeforeAll
  static void serve() throws Exception {
    server = ServedEndpoint.start(work, "--job-workers", "1");
    endpoint = server.url();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  /** A client run: its exit code and what it printed. */
  record Run(int exitCode, String out, String err) {}

  private static Run run(List<String> command) throws IOException, InterruptedException {
    return run(work, endpoint, command);
  }

  /** Runs an AWS client with local credentials and the endpoint as AWS_ENDPOINT_URL. */
  static Run run(Path work, String endpoint, List<String> command) throws IOException, InterruptedException {
    return run(work, endpoint, command, Path.of(""));
  }

  /** Runs an AWS client in {@code directory}, as {@link #run(Path, String, List)} does. */
  static Run run(Path work, String endpoint, List<String> command, Path directory)
      throws IOException, InterruptedException {
    return run(work, endpoint, command, directory, "local-access-key", "local-secret-key");
  }

  /** Runs an AWS client in {@code directory} with these credentials and the endpoint as AWS_ENDPOINT_URL. */
  static Run run(Path work, String endpoint, List<String> command, Path directory, String keyId, String secret)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toAbsolutePath().toFile())
        .redirectOutput(work.resolve("client.out").toFile()).redirectError(work.resolve("client.err").toFile());
    Map<String, String> env = builder.environment();
    env.put("AWS_ACCESS_KEY_ID", keyId);
    env.put("AWS_SECRET_ACCESS_KEY", secret);
    env.put("AWS_DEFAULT_REGION", "us-east-1");
    env.put("AWS_ENDPOINT_URL", endpoint);
    env.remove("AWS_PROFILE");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS), equalTo(true));
    return new Run(process.exitValue(), Files.readString(work.resolve("client.out")),
        Files.readString(work.resolve("client.err")));
  }

  private static Run aws(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("aws", "personalize"));
    command.addAll(List.of(args));
    return run(command);
  }

  @Test
  void healthAnswersForScriptsWaitingForStartUp() throws Exception {
    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(endpoint
        + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode(), equalTo(200));
    assertThat(health.body(), equalTo("{\"status\":\"ok\"}"));
  }

  @Test
  void theAwsCliCreatesFromItsOwnSkeletonPagesAutomaticallyAndPrintsErrorsItsWay() throws Exception {
    Run skeleton = aws("create-batch-segment-job", "--generate-cli-skeleton");
    assertThat(skeleton.err(), skeleton.exitCode(), equalTo(0));
    List<String> names = List.of("cli-1", "cli-2", "cli-3");
    for (String name : names) {
      ObjectNode request = (ObjectNode) JSON.readTree(skeleton.out());
      request.put("jobName", name).put("solutionVersionArn", VERSION).put("numResults", 5)
          .put("roleArn", "arn:aws:iam::123456789012:role/PersonalizeRole");
      request.remove(List.of("filterArn", "tags"));
      ((ObjectNode) request.get("jobInput").get("s3DataSource")).put("path", "sample-data/input/")
          .remove("kmsKeyArn");
      ((ObjectNode) request.get("jobOutput").get("s3DataDestination")).put("path", work.resolve(name) + "/")
          .remove("kmsKeyArn");
      Path file = Files.writeString(work.resolve(name + ".json"), request.toString());
      Run created = aws("create-batch-segment-job", "--cli-input-json", "file://" + file);
      assertThat(created.err(), created.exitCode(), equalTo(0));
      assertThat(JSON.readTree(created.out()).get("batchSegmentJobArn").asText(),
          equalTo("arn:aws:personalize:us-east-1:123456789012:batch-segment-job/" + name));
      awaitEnd(name);
    }
    // --page-size 1 makes the CLI fetch one job per call and follow nextToken to the last page.
    Run listed = aws("list-batch-segment-jobs", "--page-size", "1");
    assertThat(listed.err(), listed.exitCode(), equalTo(0));
    List<String> listedNames = new ArrayList<>();
    JSON.readTree(listed.out()).get("batchSegmentJobs").forEach(job -> listedNames.add(job.get("jobName").asText()));
    listedNames.removeIf(name -> !name.startsWith("cli-"));
    assertThat(listedNames, containsInAnyOrder(names.toArray()));
    assertThat(Files.readAllLines(work.resolve("cli-1/items-1.json.out")).size(), equalTo(25));

    Run missing = aws("describe-batch-segment-job", "--batch-segment-job-arn",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/nope");
    // AWS CLI v1 (the one these machines have) exits 255 on a service error; v2 exits 254.
    assertThat(missing.exitCode(), oneOf(254, 255));
    assertThat(missing.err(), containsString("An error occurred (ResourceNotFoundException) when calling the "
        + "DescribeBatchSegmentJob operation: Could not find batchSegmentJobArn "
        + "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/nope."));
    Run unknown = aws("list-campaigns");
    assertThat(unknown.exitCode(), oneOf(254, 255));
    assertThat(unknown.err(), containsString("An error occurred (UnknownOperationException) when calling the "
        + "ListCampaigns operation"));
  }

  @Test
  void boto3UploadsInputCreatesAJobPendingAtFirstPollsItToActiveAndReadsTheEncryptedOutput() throws Exception {
    Path script = Files.writeString(work.resolve("poll.py"), """
        import boto3, sys, time
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket="boto3-walk")
        for name in ("items-1.json", "items-2.json"):
            s3.upload_file("sample-data/input/" + name, "boto3-walk", "input/" + name)
        client = boto3.client("personalize")
        arn = client.create_batch_segment_job(
            jobName="boto3-job", solutionVersionArn=sys.argv[1], numResults=10,
            jobInput={"s3DataSource": {"path": "s3://boto3-walk/input/"}},
            jobOutput={"s3DataDestination": {"path": "s3://boto3-walk/output/", "kmsKeyArn": sys.argv[2]}},
            roleArn="arn:aws:iam::123456789012:role/PersonalizeRole")["batchSegmentJobArn"]
        first = client.describe_batch_segment_job(batchSegmentJobArn=arn)["batchSegmentJob"]["status"]
        while True:
            job = client.describe_batch_segment_job(batchSegmentJobArn=arn)["batchSegmentJob"]
            if job["status"] in ("ACTIVE", "CREATE FAILED"):
                break
            time.sleep(0.1)
        out = s3.get_object(Bucket="boto3-walk", Key="output/items-1.json.out")
        lines = out["Body"].read().decode().splitlines()
        print("|".join([arn, first, job["status"], type(job["creationDateTime"]).__name__,
                        out["ServerSideEncryption"], out["SSEKMSKeyId"], str(len(lines))]))
        """);
    Run polled = run(List.of("python3", script.toString(), VERSION, KMS_KEY));
    assertThat(polled.err(), polled.exitCode(), equalTo(0));
    String[] printed = polled.out().strip().split("\\|");
    assertThat(printed[0], equalTo("arn:aws:personalize:us-east-1:123456789012:batch-segment-job/boto3-job"));
    // The create answered before the job ran: the first describe finds it still pending or running.
    assertThat(printed[1], oneOf("CREATE PENDING", "CREATE IN_PROGRESS"));
    assertThat(printed[2], equalTo("ACTIVE"));
    assertThat(printed[3], equalTo("datetime"));
    assertThat(printed[4], equalTo("aws:kms"));
    assertThat(printed[5], equalTo(KMS_KEY));
    assertThat(printed[6], equalTo("25"));
  }

  @Test
  void theAwsCliCopiesInputUpAndOutputDownThroughTheSameEndpoint() throws Exception {
    assertThat(run(List.of("aws", "s3", "mb", "s3://cli-walk")).exitCode(), equalTo(0));
    Run up = run(List.of("aws", "s3", "cp", "sample-data/input/", "s3://cli-walk/input/", "--recursive"));
    assertThat(up.err(), up.exitCode(), equalTo(0));
    for (String name : List.of("s3-walk", "local-twin")) {
      String output = name.equals("s3-walk") ? "s3://cli-walk/output/" : work.resolve("local-twin") + "/";
      Run created = aws("create-batch-segment-job", "--job-name", name, "--solution-version-arn", VERSION,
          "--job-input", "{\"s3DataSource\": {\"path\": \"" + (name.equals("s3-walk") ? "s3://cli-walk/input/"
              : "sample-data/input/") + "\"}}",
          "--job-output", "{\"s3DataDestination\": {\"path\": \"" + output + "\", \"kmsKeyArn\": \"" + KMS_KEY
              + "\"}}",
          "--role-arn", "arn:aws:iam::123456789012:role/PersonalizeRole");
      assertThat(created.err(), created.exitCode(), equalTo(0));
      awaitEnd(name);
    }
    Path down = work.resolve("downloaded");
    Run copied = run(List.of("aws", "s3", "cp", "s3://cli-walk/output/", down + "/", "--recursive"));
    assertThat(copied.err(), copied.exitCode(), equalTo(0));
    for (String file : List.of("items-1.json.out", "items-2.json.out")) {
      assertThat(file, Files.readString(down.resolve(file)),
          equalTo(Files.readString(work.resolve("local-twin").resolve(file))));
    }
    Run head = run(List.of("aws", "s3api", "head-object", "--bucket", "cli-walk", "--key", "output/items-1.json.out"));
    assertThat(head.err(), head.exitCode(), equalTo(0));
    assertThat(JSON.readTree(head.out()).get("ServerSideEncryption").asText(), equalTo("aws:kms"));
    assertThat(JSON.readTree(head.out()).get("SSEKMSKeyId").asText(), equalTo(KMS_KEY));
    assertThat(JSON.readTree(head.out()).get("Metadata").toString(), equalTo("{}"));
  }

  private static void awaitEnd(String name) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String status;
    do {
      Run described = aws("describe-batch-segment-job", "--batch-segment-job-arn",
          "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/" + name);
      JsonNode job = JSON.readTree(described.out()).get("batchSegmentJob");
      status = job.get("status").asText();
    } while (!status.equals("ACTIVE") && !status.equals("CREATE FAILED") && System.nanoTime() < deadline);
    assertThat(name, status, equalTo("ACTIVE"));
  }
}
