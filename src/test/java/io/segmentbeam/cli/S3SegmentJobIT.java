package io.segmentbeam.cli;

import static io.segmentbeam.s3.S3ProxyServer.KMS_KEY;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.s3.S3ProxyServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Batch segment jobs from an s3:// prefix to an s3:// destination on a real S3 API server
 * (S3Proxy), with the model read from S3 too. Credentials reach the product only through the AWS
 * SDK's default chain (here, the aws.accessKeyId and aws.secretAccessKey system properties).
 */
class S3SegmentJobIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BUCKET = "segments";
  static final String VERSION = "arn:aws:personalize:us-east-1:123456789012:solution/s3-model/1";

  @TempDir static Path folder;
  static S3ProxyServer server;
  static S3Client s3;
  static Path versions;
  static Path home;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.withSampleInput(folder, BUCKET);
    s3 = server.client();
    for (String name : List.of("user-factors.jsonl", "item-factors.jsonl")) {
      put("models/sample/" + name, Files.readString(Path.of("sample-data", "models", "sample-item-affinity", name)));
    }
    versions = Files.createDirectories(folder.resolve("versions"));
    Files.writeString(versions.resolve("s3-model.json"), """
        {"solutionVersionArn": "%s",
         "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
         "model": {"type": "latent-factors",
                   "userFactors": "s3://segments/models/sample/user-factors.jsonl",
                   "itemFactors": "s3://segments/models/sample/item-factors.jsonl"}}
        """.formatted(VERSION));
    home = Files.createDirectories(folder.resolve("home"));
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  /** Every object under a prefix with its ETag (a digest of its bytes) and modification time. */
  static List<String> objects(String prefix) {
    return s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(object -> object.key() + " " + object.eTag() + " " + object.lastModified()).sorted().toList();
  }

  static void put(String key, String content) {
    s3.putObject(request -> request.bucket(BUCKET).key(key), RequestBody.fromString(content));
  }

  @Test
  void kmsJobWritesEveryOutObjectUnderTheJobsKeyAndTheSameLinesAsALocalRun() throws IOException {
    JsonNode job = run("kms", "s3://segments/input/", "s3://segments/output/", KMS_KEY);
    assertThat(job.get("failureReason") + "", job.get("status").asText(), equalTo("ACTIVE"));
    assertThat(keys("output/"), equalTo(List.of("output/items-1.json.out", "output/items-2.json.out")));
    for (String key : keys("output/")) {
      HeadObjectResponse head = s3.headObject(request -> request.bucket(BUCKET).key(key));
      assertThat(key, head.serverSideEncryption(), equalTo(ServerSideEncryption.AWS_KMS));
      assertThat(key, head.ssekmsKeyId(), equalTo(KMS_KEY));
    }
    assertThat(job.get("jobOutput").get("s3DataDestination").get("kmsKeyArn").asText(), equalTo(KMS_KEY));

    Path local = folder.resolve("local-output");
    assertThat(run("local", "sample-data/input/", local + "/", null).get("status").asText(), equalTo("ACTIVE"));
    for (String name : List.of("items-1.json.out", "items-2.json.out")) {
      assertThat(name, object("output/" + name), equalTo(Files.readString(local.resolve(name))));
    }
  }

  @Test
  void aPrefixWithoutSlashAlsoMatchesSiblingsThatStartWithIt() throws IOException {
    put("prefix/a.json", "{\"itemId\": \"100057\"}\n");
    put("prefix_test/b.json", "{\"itemId\": \"100004\"}\n");
    put("prefixed.json", "{\"itemId\": \"100004\"}\n");
    assertThat(run("bare", "s3://segments/prefix", "s3://segments/bare/", null).get("status").asText(),
        equalTo("ACTIVE"));
    assertThat(keys("bare/"), equalTo(List.of("bare/prefix/a.json.out", "bare/prefix_test/b.json.out",
        "bare/prefixed.json.out")));
    assertThat(run("slash", "s3://segments/prefix/", "s3://segments/slash/", null).get("status").asText(),
        equalTo("ACTIVE"));
    assertThat(keys("slash/"), equalTo(List.of("slash/a.json.out")));
  }

  @Test
  void theInputPrefixIsReadLiterallyWhateverCharactersItsKeysHave() throws IOException {
    put("star*/a b [c] {d}?\u00e9%20.json", "{\"itemId\": \"100057\"}\n");
    // What star* would match as a pattern: never read.
    put("starry/b.json", "{\"itemId\": \"100004\"}\n");
    JsonNode job = run("literal", "s3://segments/star*/", "s3://segments/literal out [1]/", null);
    assertThat(job.get("failureReason") + "", job.get("status").asText(), equalTo("ACTIVE"));
    assertThat(keys("literal"), equalTo(List.of("literal out [1]/a b [c] {d}?\u00e9%20.json.out")));
    // Again into the same prefix: the object of that name is replaced, and nothing else is left.
    JsonNode again = run("literal-again", "s3://segments/star*/", "s3://segments/literal out [1]/", KMS_KEY);
    assertThat(again.get("failureReason") + "", again.get("status").asText(), equalTo("ACTIVE"));
    assertThat(keys("literal"), equalTo(List.of("literal out [1]/a b [c] {d}?\u00e9%20.json.out")));
    HeadObjectResponse replaced = s3.headObject(request -> request.bucket(BUCKET)
        .key("literal out [1]/a b [c] {d}?\u00e9%20.json.out"));
    assertThat(replaced.ssekmsKeyId(), equalTo(KMS_KEY));
    assertThat(keys("starry/"), equalTo(List.of("starry/b.json")));
  }

  @Test
  void aFailedJobLeavesTheObjectsUnderItsOutputPrefixExactlyAsItFoundThem() throws IOException {
    put("shared-out/other-job.json.out", "another job's output, written just now\n");
    put("shared-out/items.json.out", "an older output of the same name\n");
    put("failing-in/items.json", "{\"itemId\": \"100057\"}\n");
    put("failing-in/too-long.json", "{\"itemId\": \"100057\"}\n".repeat(501));
    List<String> before = objects("shared-out/");

    JsonNode job = run("fails-on-s3", "s3://segments/failing-in/", "s3://segments/shared-out/", KMS_KEY);

    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), containsString("too-long.json"));
    assertThat(objects("shared-out/"), equalTo(before));
  }

  @Test
  void aMissingBucketOrPrefixFailsTheJobWithAReasonAndNoOutput() throws IOException {
    JsonNode noBucket = run("no-input-bucket", "s3://no-such-bucket/input/", "s3://segments/failed-1/", KMS_KEY);
    assertThat(noBucket.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(noBucket.get("failureReason").asText(), equalTo("Cannot read jobInput.s3DataSource.path "
        + "s3://no-such-bucket/input/: the bucket no-such-bucket does not exist."));
    assertThat(keys("failed-1"), empty());

    JsonNode noPrefix = run("no-input-prefix", "s3://segments/nothing-here/", "s3://segments/failed-2/", KMS_KEY);
    assertThat(noPrefix.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(noPrefix.get("failureReason").asText(), equalTo("No input files found under "
        + "jobInput.s3DataSource.path s3://segments/nothing-here/. Put one or more JSON-lines files under that "
        + "prefix, or correct the path."));
    assertThat(keys("failed-2"), empty());

    JsonNode noOutputBucket = run("no-output-bucket", "s3://segments/input/", "s3://no-such-output/out/", KMS_KEY);
    assertThat(noOutputBucket.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(noOutputBucket.get("failureReason").asText(), equalTo("Cannot write to "
        + "jobOutput.s3DataDestination.path s3://no-such-output/out/: the bucket no-such-output does not exist."));
  }

  /**
   * The bundled jar in its own process, credentials from the environment as most users give them:
   * everything it prints (logs included), the store it writes and the objects it writes are free
   * of the secret key.
   */
  @Test
  void theSecretKeyAppearsNowhereAJobWritesOrPrints() throws Exception {
    Path storeFolder = folder.resolve("secret-home");
    Path printed = folder.resolve("secret-check.log");
    ObjectNode request = request("secret-check", "s3://segments/input/", "s3://segments/secret-check/", KMS_KEY);
    ProcessBuilder job = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", Path.of("target", "segmentbeam.jar").toString(), "create-batch-segment-job",
        "--cli-input-json", request.toString(), "--solution-versions", versions.toString(),
        "--endpoint-url", server.endpoint().toString(), "--home", storeFolder.toString(), "--targetParallelism=2")
        .redirectErrorStream(true).redirectOutput(printed.toFile());
    job.environment().put("AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY);
    job.environment().put("AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
    int exitCode = job.start().waitFor();
    assertThat(Files.readString(printed), exitCode, equalTo(0));
    List<String> everything = new ArrayList<>(List.of(Files.readString(printed)));
    try (Stream<Path> files = Files.walk(storeFolder)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        everything.add(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    for (String key : keys("secret-check/")) {
      everything.add(object(key));
    }
    for (String text : everything) {
      assertThat(text, not(containsString(S3ProxyServer.SECRET_KEY)));
    }
    // What was searched: the job's printed ARN and counters, its stored document, both .out objects.
    assertThat(everything.get(0), containsString("secret-check: ACTIVE"));
    assertThat(everything.stream().filter(text -> text.contains("batch-segment-job/secret-check")).count(),
        equalTo(2L));
    assertThat(keys("secret-check/").size(), equalTo(2));
  }

  @Test
  void trainingReadsDatasetsFromS3AndWritesTheModelThere() throws IOException {
    for (String name : List.of("interactions.csv", "interactions-schema.json")) {
      put("datasets/" + name, Files.readString(Path.of("sample-data", "datasets", name)));
    }
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("pipelines", "sample-solution-version.json").toFile());
    request.put("name", "trained-on-s3").put("modelLocation", "s3://segments/models/trained/");
    ObjectNode datasets = request.putObject("datasets");
    datasets.putObject("interactions").put("dataLocation", "s3://segments/datasets/interactions.csv")
        .put("schemaLocation", "s3://segments/datasets/interactions-schema.json");
    CliRun trained = CliRun.run(home, "create-solution-version", "--cli-input-json", request.toString(),
        "--solution-versions", versions.toString(), "--endpoint-url", server.endpoint().toString(), "--threads", "1");
    assertThat(trained.err(), trained.exitCode(), equalTo(0));
    assertThat(keys("models/trained/"), equalTo(List.of("models/trained/item-factors.jsonl",
        "models/trained/user-factors.jsonl")));
    // The same data and settings trained locally gave the committed model: S3 changes nothing.
    assertThat(object("models/trained/user-factors.jsonl"),
        equalTo(Files.readString(Path.of("sample-data", "models", "sample-item-affinity", "user-factors.jsonl"))));
  }

  @Test
  void theJobStoreMayBeAnS3Prefix() throws IOException {
    String store = "--home=s3://segments/store/";
    CliRun created = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        Files.readString(Path.of("pipelines", "sample-batch-segment-job.json")), "--job-name", "in-s3-store",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"s3://segments/store-output/\"}}",
        "--endpoint-url", server.endpoint().toString(), store);
    assertThat(created.err(), created.exitCode(), equalTo(0));
    String arn = "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/in-s3-store";
    assertThat(keys("store/"), equalTo(List.of("store/.page-token-key",
        "store/batch-segment-jobs/us-east-1/123456789012/in-s3-store.json",
        "store/job-outputs/us-east-1/123456789012/batch-segment-job/in-s3-store.json")));
    JsonNode described = JSON.readTree(CliRun.run(home, "describe-batch-segment-job", "--batch-segment-job-arn", arn,
        "--endpoint-url", server.endpoint().toString(), store).out()).get("batchSegmentJob");
    assertThat(described.get("status").asText(), equalTo("ACTIVE"));
    JsonNode listed = JSON.readTree(CliRun.run(home, "list-batch-segment-jobs", "--endpoint-url",
        server.endpoint().toString(), store).out());
    assertThat(listed.get("batchSegmentJobs").get(0).get("batchSegmentJobArn").asText(), equalTo(arn));
    // Names are unique in an S3 store too: the second create is refused by a conditional write.
    CliRun again = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        Files.readString(Path.of("pipelines", "sample-batch-segment-job.json")), "--job-name", "in-s3-store",
        "--endpoint-url", server.endpoint().toString(), store);
    assertThat(again.errorType(), equalTo("ResourceAlreadyExistsException"));
  }

  private static JsonNode run(String name, String input, String output, String kmsKeyArn) throws IOException {
    CliRun created = create(name, input, output, kmsKeyArn);
    assertThat(created.err(), created.exitCode(), oneOf(0, 1));
    CliRun described = CliRun.run(home, "describe-batch-segment-job", "--batch-segment-job-arn",
        JSON.readTree(created.out()).get("batchSegmentJobArn").asText());
    return JSON.readTree(described.out()).get("batchSegmentJob");
  }

  private static CliRun create(String name, String input, String output, String kmsKeyArn) throws IOException {
    ObjectNode request = request(name, input, output, kmsKeyArn);
    return CliRun.run(home, "create-batch-segment-job", "--cli-input-json", request.toString(),
        "--solution-versions", versions.toString(), "--endpoint-url", server.endpoint().toString());
  }

  private static ObjectNode request(String name, String input, String output, String kmsKeyArn) throws IOException {
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("pipelines", "sample-batch-segment-job.json").toFile());
    request.put("jobName", name).put("solutionVersionArn", VERSION);
    ((ObjectNode) request.get("jobInput").get("s3DataSource")).put("path", input);
    ObjectNode destination = (ObjectNode) request.get("jobOutput").get("s3DataDestination");
    destination.put("path", output);
    if (kmsKeyArn != null) {
      destination.put("kmsKeyArn", kmsKeyArn);
    }
    return request;
  }

  private static List<String> keys(String prefix) {
    return s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).sorted().toList();
  }

  private static String object(String key) {
    return s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asUtf8String();
  }
}
