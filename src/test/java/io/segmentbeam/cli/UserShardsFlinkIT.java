package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.not;

import io.segmentbeam.cluster.FlinkJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Users too many for one worker: 2,000,000 users x 64 factors (512 MB of vectors) scored on an
 * embedded Flink cluster in a JVM with a 384 MiB heap, in 16 user shards, give the same output,
 * byte for byte, as the whole model on the Direct runner in a JVM with room for it. Both run as
 * their own processes, so their heaps are what the test says.
 */
class UserShardsFlinkIT {
  static final int USERS = 2_000_000;
  static final int FACTORS = 64;
  static final int ITEMS = 200;
  static final String VERSION = "arn:aws:personalize:us-east-1:123456789012:solution/big/1";

  @TempDir Path work;

  @Test
  void shardsOnFlinkInASmallHeapMatchTheWholeModel() throws Exception {
    writeScenario();
    assertThat(Files.size(work.resolve("users.sbf")), greaterThan(384L << 20));
    String whole = run("whole", "1536m", "--runner=DirectRunner");
    String sharded = run("sharded", "384m", "--runner=FlinkRunner", "--parallelism=1", "--userShardBytes=33554432");
    assertThat(Files.readString(work.resolve("out-sharded").resolve("queries.json.out")),
        equalTo(Files.readString(work.resolve("out-whole").resolve("queries.json.out"))));
    assertThat(sharded, containsString("sharded: ACTIVE (filesRead=1, linesFailed=0, linesRead=64, linesScored=64, "
        + "userShardsScored=16, scoring=vector-"));
    assertThat(whole, containsString("whole: ACTIVE"));
    // A successful Flink run is quiet: no ERROR, no stack trace, no warning.
    assertThat(sharded, not(containsString("ERROR")));
    assertThat(sharded, not(containsString(" WARN ")));
    assertThat(sharded, not(containsString("\tat ")));
  }

  private void writeScenario() throws IOException {
    Random random = new Random(5);
    BigModel.randomFactors(work.resolve("users.sbf"), "u%07d", USERS, FACTORS, random);
    BigModel.randomFactors(work.resolve("items.sbf"), "i%03d", ITEMS, FACTORS, random);
    Files.writeString(work.resolve("big.json"), ("{\"solutionVersionArn\": \"%s\", \"recipeArn\": "
        + "\"arn:aws:personalize:::recipe/aws-item-affinity\", \"model\": {\"type\": \"latent-factors\", "
        + "\"userFactors\": \"users.sbf\", \"itemFactors\": \"items.sbf\"}}").formatted(VERSION));
    List<String> lines = new ArrayList<>();
    for (int q = 0; q < 64; q++) {
      lines.add(String.format(Locale.ROOT, "{\"itemId\": \"i%03d\"}", random.nextInt(ITEMS)));
    }
    Files.write(Files.createDirectories(work.resolve("input")).resolve("queries.json"), lines);
  }

  /** Runs a job in its own JVM with the given heap; returns what it printed. */
  private String run(String name, String heap, String... beamOptions) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + heap, "--add-modules", "jdk.incubator.vector"));
    command.addAll(FlinkJvm.addOpens());
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), SegmentBeamCli.class.getName(),
        "create-batch-segment-job", "--job-name", name, "--solution-version-arn", VERSION, "--num-results", "1000",
        "--solution-versions", work.toString(), "--home", work.resolve("home-" + name).toString(),
        "--role-arn", "arn:aws:iam::123456789012:role/SegmentBeam",
        "--job-input", "{\"s3DataSource\": {\"path\": \"" + work.resolve("input") + "/\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("out-" + name) + "/\"}}",
        "--progressIntervalSeconds=0"));
    command.addAll(List.of(beamOptions));
    Path printed = work.resolve(name + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(printed.toFile()).start();
    int exitCode = process.waitFor();
    String output = Files.readString(printed);
    assertThat(output.lines().filter(line -> line.contains(name + ":")).findFirst().orElse(output), exitCode,
        equalTo(0));
    return output;
  }
}
