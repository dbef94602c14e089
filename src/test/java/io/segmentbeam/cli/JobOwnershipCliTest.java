package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.testing.FolderSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job owns only what it writes: it reads a literal prefix, never follows a link out of its
 * folders, publishes its files only once all are complete, and a failed job leaves its output
 * folder exactly as it found it, other jobs' files and links included.
 */
class JobOwnershipCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String QUERY = "{\"itemId\": \"100057\"}\n";

  @TempDir Path home;
  @TempDir Path work;

  private CliRun runJob(String name, String input, Path output) {
    return CliRun.run(home, "create-batch-segment-job", "--cli-input-json", "file://pipelines/sample-batch-segment-job.json",
        "--job-name", name, "--job-input", "{\"s3DataSource\": {\"path\": " + JSON.valueToTree(input) + "}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": " + JSON.valueToTree(output + "/") + "}}");
  }

  private JsonNode describe(String name) throws IOException {
    CliRun described = CliRun.run(home, "describe-batch-segment-job", "--batch-segment-job-arn",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/" + name);
    return JSON.readTree(described.out()).get("batchSegmentJob");
  }

  /** An output folder as users share them: another job's fresh output, an older file, a link to elsewhere. */
  private Path crowdedOutputFolder(Path outside) throws IOException {
    Path output = Files.createDirectories(work.resolve("out"));
    Files.writeString(output.resolve("other-job.json.out"), "another job's output, written just now\n");
    Files.writeString(output.resolve("items.json.out"), "an older output of the same name\n");
    Files.createDirectories(outside);
    Files.writeString(outside.resolve("items.json.out"), "outside the output folder\n");
    Files.createSymbolicLink(output.resolve("linked"), outside);
    return output;
  }

  @Test
  void aFailedJobLeavesItsOutputFolderAndWhatLinksPointAtExactlyAsItFoundThem() throws IOException {
    Path outside = work.resolve("outside");
    Path output = crowdedOutputFolder(outside);
    Path input = Files.createDirectories(work.resolve("in"));
    Files.writeString(input.resolve("items.json"), QUERY);
    Files.createDirectories(input.resolve("linked"));
    Files.writeString(input.resolve("linked/items.json"), QUERY);
    // Over the 500-line quota: the pipeline fails after it has started writing.
    Files.writeString(input.resolve("too-long.json"), QUERY.repeat(501));
    Map<String, String> before = FolderSnapshot.of(work);

    CliRun run = runJob("fails", input + "/", output);

    assertThat(run.err(), run.exitCode(), equalTo(1));
    assertThat(describe("fails").get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(describe("fails").get("failureReason").asText(), containsString("too-long.json"));
    assertThat(FolderSnapshot.of(work), equalTo(before));

    // An output folder that was not there is not left behind either, nor the folders made to hold it.
    CliRun fresh = runJob("fails-fresh", input + "/", work.resolve("fresh/a/b"));
    assertThat(fresh.err(), fresh.exitCode(), equalTo(1));
    assertThat(FolderSnapshot.of(work), equalTo(before));
  }

  @Test
  void aJobReplacesOnlyItsOwnOutputNamesAndLeavesNoStagingBehind() throws IOException {
    Path output = crowdedOutputFolder(work.resolve("outside"));
    Path input = Files.createDirectories(work.resolve("in"));
    Files.writeString(input.resolve("items.json"), QUERY);
    Map<String, String> before = FolderSnapshot.of(output);

    CliRun run = runJob("replaces", input + "/", output);

    assertThat(run.err(), run.exitCode(), equalTo(0));
    Map<String, String> after = FolderSnapshot.of(output);
    assertThat(after.keySet(), equalTo(before.keySet()));
    assertThat(after.get("items.json.out"), not(equalTo(before.get("items.json.out"))));
    assertThat(after.get("other-job.json.out"), equalTo(before.get("other-job.json.out")));
    assertThat(after.get("linked"), equalTo(before.get("linked")));
    assertThat(Files.readString(output.resolve("items.json.out")), containsString("\"usersList\""));
  }

  @Test
  void aJobNeverWritesThroughALinkInItsOutputFolder() throws IOException {
    Path outside = work.resolve("outside");
    Path output = crowdedOutputFolder(outside);
    Path input = Files.createDirectories(work.resolve("in/linked"));
    Files.writeString(input.resolve("items.json"), QUERY);
    Map<String, String> before = FolderSnapshot.of(work.resolve("out"));
    Map<String, String> outsideBefore = FolderSnapshot.of(outside);

    CliRun run = runJob("through-link", work.resolve("in") + "/", output);

    assertThat(run.err(), run.exitCode(), equalTo(1));
    assertThat(describe("through-link").get("failureReason").asText(),
        containsString("SegmentBeam does not write through links"));
    assertThat(FolderSnapshot.of(work.resolve("out")), equalTo(before));
    assertThat(FolderSnapshot.of(outside), equalTo(outsideBefore));
  }

  @Test
  void theInputPathIsALiteralPrefixWhateverCharactersItHas() throws IOException {
    String awkward = "in[1] {a,b} *?é";
    Path input = Files.createDirectories(work.resolve(awkward));
    Files.writeString(input.resolve("a b [c] {d} *?ü.json"), QUERY);
    // What in[1] would match as a pattern: never read, and nothing written beside it.
    Files.createDirectories(work.resolve("in1 a *?é"));
    Files.writeString(work.resolve("in1 a *?é/other.json"), QUERY);
    Path output = work.resolve("out [2] {x} *");

    CliRun run = runJob("literal", input + "/", output);

    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(run.err(), containsString("filesRead=1,"));
    assertThat(files(output), equalTo(List.of("a b [c] {d} *?ü.json.out")));
    assertThat(files(work.resolve("in1 a *?é")), equalTo(List.of("other.json")));
  }

  @Test
  void linksToFoldersAreNotFollowedSoALoopIsReadOnce() throws IOException, InterruptedException {
    Path input = Files.createDirectories(work.resolve("in"));
    Files.writeString(input.resolve("a.json"), QUERY);
    Files.createSymbolicLink(input.resolve("loop"), Path.of("."));
    Files.createSymbolicLink(input.resolve("up"), Path.of(".."));
    Files.createSymbolicLink(input.resolve("linked.json"), input.resolve("a.json"));
    Process fifo = new ProcessBuilder("mkfifo", input.resolve("pipe.json").toString()).start();
    assertThat(fifo.waitFor(), equalTo(0));
    Path output = work.resolve("out");

    CliRun run = runJob("loops", input + "/", output);

    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(run.err(), containsString("filesRead=2,"));
    assertThat(files(output), equalTo(List.of("a.json.out", "linked.json.out")));
  }

  @Test
  void aPrefixHoldingMoreThanTheListingBoundFailsTheJobWithTheBound() throws IOException {
    Path input = Files.createDirectories(work.resolve("in"));
    Path deeper = Files.createDirectories(input.resolve("sub"));
    for (int i = 0; i <= 10_000; i++) {
      Files.writeString(deeper.resolve(i + ".json"), QUERY);
    }
    Path output = work.resolve("out");

    CliRun run = runJob("too-many", input + "/", output);

    assertThat(run.err(), run.exitCode(), equalTo(1));
    assertThat(describe("too-many").get("failureReason").asText(), equalTo("Cannot read jobInput.s3DataSource.path "
        + input + "/: Listing " + input + "/ found more than 10,000 files; SegmentBeam reads at most 10,000 files and "
        + "looks at 100,000 entries under one prefix. Point the path at a narrower prefix."));
    assertThat(Files.exists(output) ? files(output) : List.of(), equalTo(List.of()));
  }

  private static List<String> files(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      List<String> names = new java.util.ArrayList<>(paths.filter(path -> !Files.isDirectory(path))
          .map(path -> folder.relativize(path).toString()).toList());
      Collections.sort(names);
      return names;
    }
  }
}
