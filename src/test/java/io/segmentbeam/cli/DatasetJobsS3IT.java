package io.segmentbeam.cli;

import static io.segmentbeam.s3.S3ProxyServer.KMS_KEY;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.s3.S3ProxyServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The whole path a Personalize user walks, on a real S3 API server (S3Proxy): datasets imported
 * from S3 into a store under an S3 prefix, a solution version trained on them, a batch segment
 * job, records put one by one, and export jobs writing SSE-KMS objects.
 */
class DatasetJobsS3IT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String BUCKET = "segments";
  static final String ARN = "arn:aws:personalize:us-east-1:123456789012:";
  static final String ROLE = "arn:aws:iam::123456789012:role/PersonalizeRole";
  static final String GROUP = "s3-walk";

  @TempDir static Path folder;
  static S3ProxyServer server;
  static S3Client s3;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.withSampleInput(folder, BUCKET);
    s3 = server.client();
    for (String type : List.of("interactions", "users", "items")) {
      s3.putObject(request -> request.bucket(BUCKET).key("raw/" + type + "/" + type + ".csv"),
          RequestBody.fromFile(Path.of("sample-data", "datasets", type + ".csv")));
    }
  }

  @AfterAll
  static void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void importTrainSegmentPutAndExportOnS3() throws IOException {
    for (String type : List.of("interactions", "users", "items")) {
      ok(run("create-schema", "--name", GROUP + "-" + type, "--schema",
          "file://sample-data/datasets/" + type + "-schema.json"));
    }
    ok(run("create-dataset-group", "--name", GROUP));
    for (String type : List.of("Interactions", "Users", "Items")) {
      ok(run("create-dataset", "--name", GROUP + "-" + type, "--dataset-group-arn", ARN + "dataset-group/" + GROUP,
          "--dataset-type", type, "--schema-arn", ARN + "schema/" + GROUP + "-" + type.toLowerCase()));
      String lower = type.toLowerCase();
      ok(run("create-dataset-import-job", "--job-name", "s3-import-" + lower, "--dataset-arn", dataset(type),
          "--data-source", "{\"dataLocation\": \"s3://segments/raw/" + lower + "/\"}", "--role-arn", ROLE));
    }

    Path versions = Files.createDirectories(folder.resolve("versions"));
    String train = """
        {"name": "s3-walk", "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
         "solutionConfig": {"algorithmHyperParameters": {"model": "als", "factors": "8", "iterations": "5"}},
         "datasetGroupArn": "%s", "modelLocation": "s3://segments/models/s3-walk/"}
        """.formatted(ARN + "dataset-group/" + GROUP);
    CliRun trained = ok(run("create-solution-version", "--cli-input-json", train, "--solution-versions",
        versions.toString(), "--threads", "1"));
    String solutionVersion = JSON.readTree(trained.out()).get("solutionVersionArn").asText();
    ok(run("create-batch-segment-job", "--cli-input-json", "file://pipelines/sample-batch-segment-job.json",
        "--job-name", "s3-walk", "--solution-version-arn", solutionVersion, "--solution-versions", versions.toString(),
        "--job-input", "{\"s3DataSource\": {\"path\": \"s3://segments/input/\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"s3://segments/s3-walk-segments/\"}}"));
    assertThat(keys("s3-walk-segments/"), equalTo(List.of("s3-walk-segments/items-1.json.out",
        "s3-walk-segments/items-2.json.out")));

    ok(run("put-users", "--dataset-arn", dataset("Users"), "--users",
        "[{\"userId\": \"s3-user\", \"properties\": \"{\\\"age\\\": 27, \\\"membership\\\": \\\"gold\\\"}\"}]"));

    // A bad row fails an import on S3 too, and the dataset keeps its records.
    s3.putObject(request -> request.bucket(BUCKET).key("raw/bad-users.csv"),
        RequestBody.fromString("USER_ID,AGE,MEMBERSHIP\nx,forty,gold\n"));
    CliRun bad = run("create-dataset-import-job", "--job-name", "s3-bad-users", "--dataset-arn", dataset("Users"),
        "--data-source", "{\"dataLocation\": \"s3://segments/raw/bad-users.csv\"}", "--import-mode", "INCREMENTAL");
    assertThat(bad.exitCode(), equalTo(1));
    assertThat(bad.err(), startsWith("s3-bad-users: CREATE FAILED: Found 1 problem in the 1 rows read at "
        + "dataSource.dataLocation s3://segments/raw/bad-users.csv"));

    List<String> users = Files.readAllLines(Path.of("sample-data", "datasets", "users.csv"));
    List<String> expected = new ArrayList<>(users.subList(1, users.size()));
    assertThat(export("BULK", "s3-export-bulk", null), containsInAnyOrder(expected.toArray()));
    assertThat(export("PUT", "s3-export-put", KMS_KEY), equalTo(List.of("s3-user,27,gold")));
    expected.add("s3-user,27,gold");
    assertThat(export("ALL", "s3-export-all", KMS_KEY), containsInAnyOrder(expected.toArray()));

    for (String key : keys("exports/s3-export-all/")) {
      HeadObjectResponse head = s3.headObject(request -> request.bucket(BUCKET).key(key));
      assertThat(key, head.serverSideEncryption(), equalTo(ServerSideEncryption.AWS_KMS));
      assertThat(key, head.ssekmsKeyId(), equalTo(KMS_KEY));
    }
    assertThat(keys("exports/s3-export-put/"), not(empty()));
    // The store (job documents and dataset versions) lives under the S3 prefix, nothing locally.
    assertThat(keys("store/dataset-import-jobs/us-east-1/123456789012/").size(), equalTo(4));
  }

  /** Exports the Users dataset and returns its rows. */
  private static List<String> export(String mode, String jobName, String kmsKeyArn) throws IOException {
    String destination = "{\"s3DataDestination\": {\"path\": \"s3://segments/exports/\""
        + (kmsKeyArn == null ? "" : ", \"kmsKeyArn\": \"" + kmsKeyArn + "\"") + "}}";
    ok(run("create-dataset-export-job", "--job-name", jobName, "--dataset-arn", dataset("Users"), "--ingestion-mode",
        mode, "--role-arn", ROLE, "--job-output", destination));
    JsonNode job = JSON.readTree(run("describe-dataset-export-job", "--dataset-export-job-arn",
        ARN + "dataset-export-job/" + jobName).out()).get("datasetExportJob");
    assertThat(job.get("status").asText(), equalTo("ACTIVE"));
    assertThat(job.get("jobOutput").get("s3DataDestination").path("kmsKeyArn").asText(null), equalTo(kmsKeyArn));
    List<String> rows = new ArrayList<>();
    for (String key : keys("exports/" + jobName + "/")) {
      List<String> lines = s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asUtf8String()
          .lines().toList();
      assertThat(key, lines.get(0), equalTo("USER_ID,AGE,MEMBERSHIP"));
      rows.addAll(lines.subList(1, lines.size()));
    }
    return rows;
  }

  private static String dataset(String type) {
    return ARN + "dataset/" + GROUP + "/" + type.toUpperCase();
  }

  private static CliRun run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--endpoint-url", server.endpoint().toString(), "--home", "s3://segments/store/"));
    return CliRun.run(folder, all.toArray(String[]::new));
  }

  private static CliRun ok(CliRun run) {
    assertThat(run.out() + run.err(), run.exitCode(), equalTo(0));
    return run;
  }

  private static List<String> keys(String prefix) {
    return s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key).sorted().toList();
  }
}
