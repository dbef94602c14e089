package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same job (the sample with a filter) on an embedded Flink cluster and on the Direct runner
 * writes the same lines, compared after sorting: runners may write a file's lines in any order.
 */
class FlinkRunnerIT {
  @TempDir Path home;
  @TempDir Path work;

  @Test
  void flinkAndDirectWriteTheSameOutFiles() throws IOException {
    Path direct = run("on-direct", "--runner=DirectRunner");
    Path flink = run("on-flink", "--runner=FlinkRunner", "--parallelism=2", "--fasterCopy=true");
    for (String name : List.of("items-1.json.out", "items-2.json.out")) {
      List<String> fromFlink = sorted(flink.resolve(name));
      assertThat(fromFlink, hasSize(25));
      assertThat(name, fromFlink, equalTo(sorted(direct.resolve(name))));
    }
  }

  /** The sample filtered job, the runner options passed through to Beam. */
  private Path run(String name, String... runnerOptions) {
    Path output = work.resolve(name);
    List<String> args = new ArrayList<>(List.of("create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-filtered-segment-job.json", "--job-name", name,
        "--job-output={\"s3DataDestination\": {\"path\": \"" + output + "/\"}}"));
    args.addAll(List.of(runnerOptions));
    CliRun run = CliRun.run(home, args.toArray(String[]::new));
    assertThat(run.err(), run.exitCode(), equalTo(0));
    return output;
  }

  private static List<String> sorted(Path file) throws IOException {
    return Files.readAllLines(file).stream().sorted().toList();
  }
}
