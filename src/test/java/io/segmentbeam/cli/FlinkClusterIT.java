package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.segmentbeam.s3.S3ProxyServer;
import io.segmentbeam.cluster.FlinkSessionCluster;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Jobs on a Flink session cluster of separate JVMs (a JobManager and two TaskManagers of two slots
 * each), submitted as the README says, {@code java -jar target/segmentbeam-flink.jar ...
 * --runner=FlinkRunner --flinkMaster=host:port}, which ships that jar to the cluster. Everything a
 * worker reads or writes is on S3 (S3Proxy), as a cluster needs: input, output, the model, the
 * filter's datasets and the job store. Each job's result equals, byte for byte, the same job's on
 * the Direct runner.
 */
class FlinkClusterIT {
  static final String BUCKET = "segments";
  static final Path FLINK_JAR = Path.of("target", "segmentbeam-flink.jar");
  /** Each TaskManager's heap for tasks; with Flink's own, 256 MiB: less than the big model's vectors. */
  static final int TASK_HEAP_MB = 192;
  /** S3Proxy's credentials, where the AWS SDK's default chain finds them in the cluster's and the client's JVMs. */
  static final Map<String, String> CREDENTIALS = Map.of(
      "AWS_ACCESS_KEY_ID", S3ProxyServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3ProxyServer.SECRET_KEY);
  static final String ROLE = "arn:aws:iam::123456789012:role/SegmentBeam";

  @TempDir static Path folder;
  static S3ProxyServer s3Server;
  static S3Client s3;
  static FlinkSessionCluster cluster;
  /** Declarations of the sample's solution version, filter and dataset group, their files on S3. */
  static Path declarations;

  @BeforeAll
  static void startClusterAndS3() throws Exception {
    s3Server = S3ProxyServer.withSampleInput(folder, BUCKET);
    s3 = s3Server.client();
    declarations = SampleOnS3.upload(s3, BUCKET, folder.resolve("declarations"));
    cluster = FlinkSessionCluster.start(folder.resolve("flink"), flinkClasspath(), 2, 2, TASK_HEAP_MB, CREDENTIALS);
  }

  /**
   * This JVM's classpath without SegmentBeam's classes and Beam's jars: what Flink's distribution
   * puts on a cluster's classpath, and some libraries of the tests that it ignores. A job reaches
   * the TaskManagers only in the jar it ships.
   */
  private static String flinkClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar"))
        .filter(entry -> !entry.replace(File.separatorChar, '/').contains("/org/apache/beam/"))
        .collect(Collectors.joining(File.pathSeparator));
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
    if (s3Server != null) {
      s3Server.close();
    }
  }

  @Test
  void sampleJobOnTheClusterEqualsTheDirectRunners() throws Exception {
    assertSameSegmentsOnBothRunners("sample", "file://pipelines/sample-batch-segment-job.json");
  }

  @Test
  void filteredJobOnTheClusterEqualsTheDirectRunners() throws Exception {
    // The workers read the filter's Users dataset from S3.
    assertSameSegmentsOnBothRunners("filtered", "file://pipelines/sample-filtered-segment-job.json");
  }

  @Test
  void modelInUserShardsAcrossSmallTaskManagersEqualsTheWholeModel() throws Exception {
    BigModel.write(s3, BUCKET, "big/", declarations.resolve("solution-versions"), folder.resolve("big"));
    assertThat((long) BigModel.USERS * BigModel.FACTORS * Float.BYTES, greaterThan((TASK_HEAP_MB + 64L) << 20));
    String printed = onCluster("create-batch-segment-job", "--job-name", "big-flink",
        "--solution-version-arn", BigModel.VERSION, "--num-results", "1000", "--role-arn", ROLE,
        "--job-input", input("big/input/"), "--job-output", output("flink/big/"),
        "--userShardBytes=" + BigModel.SHARD_BYTES);
    assertThat(printed, containsString("big-flink: ACTIVE (filesRead=1, linesFailed=0, linesRead=64, "
        + "linesScored=64, userShardsScored=" + BigModel.SHARDS + ", scoring=vector-"));
    direct("create-batch-segment-job", "--job-name", "big-direct", "--solution-version-arn", BigModel.VERSION,
        "--num-results", "1000", "--role-arn", ROLE, "--job-input", input("big/input/"),
        "--job-output", output("direct/big/"));
    assertSameObjects("flink/big/", "direct/big/", 1);
  }

  @Test
  void datasetImportAndExportOnTheClusterEqualTheDirectRunners() throws Exception {
    Map<String, List<String>> exported = new TreeMap<>();
    for (String runner : List.of("flink", "direct")) {
      String group = "cluster-" + runner;
      String arn = "arn:aws:personalize:us-east-1:123456789012:";
      inStore(runner, "create-schema", "--name", group, "--schema", "file://sample-data/datasets/users-schema.json");
      inStore(runner, "create-dataset-group", "--name", group);
      inStore(runner, "create-dataset", "--name", group, "--dataset-group-arn", arn + "dataset-group/" + group,
          "--dataset-type", "Users", "--schema-arn", arn + "schema/" + group);
      String dataset = arn + "dataset/" + group + "/USERS";
      String[] importJob = {"create-dataset-import-job", "--job-name", "import-" + runner, "--dataset-arn", dataset,
          "--data-source", "{\"dataLocation\": \"s3://" + BUCKET + "/sample-data/datasets/users.csv\"}"};
      String[] exportJob = {"create-dataset-export-job", "--job-name", "export-" + runner, "--dataset-arn",
          dataset, "--ingestion-mode", "ALL", "--role-arn", ROLE, "--job-output", output(runner + "/export/")};
      if (runner.equals("flink")) {
        onCluster(importJob);
        onCluster(exportJob);
      } else {
        inStore(runner, importJob);
        inStore(runner, exportJob);
      }
      exported.put(runner, exportedRows(runner + "/export/"));
    }
    List<String> users = Files.readAllLines(Path.of("sample-data", "datasets", "users.csv"));
    assertThat(exported.get("flink"), equalTo(users.subList(1, users.size()).stream().sorted().toList()));
    assertThat(exported.get("flink"), equalTo(exported.get("direct")));
  }

  /** The same request on the cluster and on the Direct runner writes the same objects. */
  private static void assertSameSegmentsOnBothRunners(String name, String request) throws Exception {
    String printed = onCluster("create-batch-segment-job", "--cli-input-json", request, "--job-name", name + "-flink",
        "--job-input", input("input/"), "--job-output", output("flink/" + name + "/"));
    assertThat(printed, containsString(name + "-flink: ACTIVE"));
    direct("create-batch-segment-job", "--cli-input-json", request, "--job-name", name + "-direct",
        "--job-input", input("input/"), "--job-output", output("direct/" + name + "/"));
    assertSameObjects("flink/" + name + "/", "direct/" + name + "/", 2);
  }

  /** An export's data rows, sorted; every file it wrote begins with the header. */
  private static List<String> exportedRows(String prefix) {
    List<String> rows = new ArrayList<>();
    for (String content : objects(prefix).values()) {
      List<String> lines = content.lines().toList();
      assertThat(lines.get(0), equalTo("USER_ID,AGE,MEMBERSHIP"));
      rows.addAll(lines.subList(1, lines.size()));
    }
    return rows.stream().sorted().toList();
  }

  private static String input(String prefix) {
    return "{\"s3DataSource\": {\"path\": \"s3://" + BUCKET + "/" + prefix + "\"}}";
  }

  private static String output(String prefix) {
    return "{\"s3DataDestination\": {\"path\": \"s3://" + BUCKET + "/" + prefix + "\"}}";
  }

  /** The objects under two prefixes, by name relative to each: same names, same bytes. */
  private static void assertSameObjects(String actualPrefix, String expectedPrefix, int count) {
    Map<String, String> actual = objects(actualPrefix);
    assertThat(actual.keySet(), hasSize(count));
    assertThat(actual, equalTo(objects(expectedPrefix)));
  }

  private static Map<String, String> objects(String prefix) {
    Map<String, String> contents = new TreeMap<>();
    s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().forEach(object ->
        contents.put(object.key().substring(prefix.length()),
            s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(object.key())).asUtf8String()));
    return contents;
  }

  /** Runs a command in this JVM on the Direct runner, with the job store of the Direct runner's jobs. */
  private static void direct(String... args) {
    inStore("direct", args);
  }

  /** Runs a command in this JVM, with the job store of {@code runner}'s jobs; asserts that it succeeded. */
  private static void inStore(String runner, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--home", home(runner)));
    CliRun run = CliRun.run(folder, withStore(all));
    assertThat(run.err(), run.exitCode(), equalTo(0));
  }

  /** The job store on S3, where the cluster's workers reach the datasets a job imports. */
  private static String home(String runner) {
    return "s3://" + BUCKET + "/home-" + runner + "/";
  }

  /** The arguments plus where the sample's declarations and S3 are. */
  private static String[] withStore(List<String> args) {
    List<String> all = new ArrayList<>(args);
    all.addAll(List.of("--solution-versions", declarations.resolve("solution-versions").toString(),
        "--filters", declarations.resolve("filters").toString(),
        "--dataset-groups", declarations.resolve("dataset-groups").toString(),
        "--endpoint-url", s3Server.endpoint().toString(), "--region", "us-east-1"));
    return all.toArray(String[]::new);
  }

  /**
   * Runs the command as a user would submit it to the cluster, from the Flink jar in a JVM of its
   * own; returns what it printed, after asserting that it succeeded quietly.
   */
  private static String onCluster(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-jar", FLINK_JAR.toString()));
    command.addAll(List.of(withStore(List.of(args))));
    command.addAll(List.of("--home", home("flink"), "--account-id", "123456789012",
        "--runner=FlinkRunner", "--flinkMaster=" + cluster.master(), "--parallelism=4"));
    Path printed = Files.createTempFile(folder, "submit", ".log");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile());
    builder.environment().putAll(CREDENTIALS);
    int exitCode = builder.start().waitFor();
    String output = Files.readString(printed);
    assertThat(output + "\n" + cluster.logs(), exitCode, equalTo(0));
    assertThat(output, not(containsString("ERROR")));
    assertThat(output, not(containsString("\tat ")));
    assertThat(output, not(containsString(" WARN ")));
    return output;
  }
}
