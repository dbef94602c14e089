package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command as a user types it, {@code java -jar target/segmentbeam.jar ...}
 * without JVM options: the job scores with the Vector API all the same (the jar starts itself again
 * with the module), gives the bytes the scalar arithmetic gives, and a killed command leaves no
 * job running on.
 */
class PlainJarIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void thePlainJarScoresWithSimdAndTheSameUsersAsScalar() throws Exception {
    String simd = run(job("plain", "sample-data/input/"), List.of());
    assertThat(simd, containsString("plain: ACTIVE (filesRead=2, linesFailed=0, linesRead=50, linesScored=50, "
        + "scoring=vector-"));
    String scalar = run(job("scalar", "sample-data/input/"), List.of("-Dsegmentbeam.relaunch=false"));
    assertThat(scalar, containsString("scalar: ACTIVE (filesRead=2, linesFailed=0, linesRead=50, linesScored=50, "
        + "scoring=scalar)"));
    for (String file : List.of("items-1.json.out", "items-2.json.out")) {
      assertThat(file, Files.readString(work.resolve("out-plain").resolve(file)),
          equalTo(Files.readString(work.resolve("out-scalar").resolve(file))));
    }
  }

  @Test
  void killingTheCommandEndsTheJobItStartedAgain() throws Exception {
    Path input = Files.createDirectories(work.resolve("long-input"));
    String lines = Files.readString(Path.of("sample-data/input/items-1.json"));
    Files.writeString(input.resolve("long.json"), lines.repeat(400));
    List<String> command = job("killed", input + "/");
    command.add("--liftInputLimits=true");
    Process parent = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(work.resolve("killed.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(work.resolve("killed.log")).contains("batchSegmentJobArn")
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    List<ProcessHandle> children = parent.children().toList();
    assertThat(Files.readString(work.resolve("killed.log")), children.size(), equalTo(1));
    parent.destroyForcibly().waitFor();
    // The child sees its parent gone and ends as a stopped job does.
    assertThat(children.get(0).onExit().get(60, TimeUnit.SECONDS).isAlive(), equalTo(false));
    CliRun described = CliRun.run(work.resolve("home"), "describe-batch-segment-job", "--batch-segment-job-arn",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/killed");
    JsonNode job = JSON.readTree(described.out()).get("batchSegmentJob");
    assertThat(job.toString(), job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), containsString("The job was stopped before it finished"));
  }

  /** The command line of the sample job as a user writes it, on {@code input}, writing under the work folder. */
  private List<String> job(String name, String input) {
    return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
        Path.of("target", "segmentbeam.jar").toString(), "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--job-name", name, "--home", work.resolve("home").toString(),
        "--job-input", "{\"s3DataSource\": {\"path\": \"" + input + "\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("out-" + name) + "/\"}}"));
  }

  private String run(List<String> command, List<String> jvmOptions) throws IOException, InterruptedException {
    List<String> withOptions = new ArrayList<>(command);
    withOptions.addAll(1, jvmOptions);
    Path log = work.resolve("run.log");
    Process process = new ProcessBuilder(withOptions).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS), equalTo(true));
    String printed = Files.readString(log);
    assertThat(printed, process.exitValue(), equalTo(0));
    return printed;
  }
}
