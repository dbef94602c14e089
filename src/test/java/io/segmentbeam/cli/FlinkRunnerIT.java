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
 * Dataset import and export pipelines run on Flink too.
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

  @Test
  void datasetsImportAndExportOnFlink() throws IOException {
    String arn = "arn:aws:personalize:us-east-1:123456789012:";
    for (String[] args : List.of(
        new String[] {"create-schema", "--name", "flink-users", "--schema",
            "file://sample-data/datasets/users-schema.json"},
        new String[] {"create-dataset-group", "--name", "flink"},
        new String[] {"create-dataset", "--name", "flink-users", "--dataset-group-arn", arn + "dataset-group/flink",
            "--dataset-type", "Users", "--schema-arn", arn + "schema/flink-users"})) {
      CliRun run = CliRun.run(home, args);
      assertThat(run.err(), run.exitCode(), equalTo(0));
    }
    Path updates =
        Files.write(work.resolve("updates.csv"), List.of("USER_ID,AGE,MEMBERSHIP", "1,62,gold", "x,20,silver"));
    String flink = "--runner=FlinkRunner";
    for (String[] args : List.of(
        new String[] {"create-dataset-import-job", "--job-name", "flink-full", "--dataset-arn",
            arn + "dataset/flink/USERS", "--data-source", "{\"dataLocation\": \"sample-data/datasets/users.csv\"}",
            flink, "--parallelism=2"},
        new String[] {"create-dataset-import-job", "--job-name", "flink-incremental", "--dataset-arn",
            arn + "dataset/flink/USERS", "--import-mode", "INCREMENTAL", "--data-source",
            "{\"dataLocation\": \"" + updates + "\"}", flink, "--parallelism=2"},
        new String[] {"create-dataset-export-job", "--job-name", "flink-export", "--dataset-arn",
            arn + "dataset/flink/USERS", "--ingestion-mode", "BULK", "--role-arn",
            "arn:aws:iam::123456789012:role/R",
            "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("exports") + "/\"}}", flink,
            "--parallelism=2"})) {
      CliRun run = CliRun.run(home, args);
      assertThat(run.err(), run.exitCode(), equalTo(0));
    }
    List<String> expected = new ArrayList<>(Files.readAllLines(Path.of("sample-data", "datasets", "users.csv")));
    expected.remove(0);
    expected.replaceAll(row -> row.startsWith("1,") ? "1,62,gold" : row);
    expected.add("x,20,silver");
    List<String> exported = new ArrayList<>();
    try (var parts = Files.list(work.resolve("exports").resolve("flink-export"))) {
      for (Path part : parts.toList()) {
        List<String> lines = Files.readAllLines(part);
        assertThat(part.toString(), lines.get(0), equalTo("USER_ID,AGE,MEMBERSHIP"));
        exported.addAll(lines.subList(1, lines.size()));
      }
    }
    assertThat(exported.stream().sorted().toList(), equalTo(expected.stream().sorted().toList()));
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
