package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.model.kernel.PanelScoringKernel;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands end to end, as a user runs them: the repository's sample request and sample data
 * on the Direct runner, then describe and list, then every documented error path.
 */
class BatchSegmentJobCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path SAMPLE_REQUEST = Path.of("pipelines", "sample-batch-segment-job.json");
  static final String SOLUTION_VERSION =
      "arn:aws:personalize:us-east-1:123456789012:solution/sample-item-affinity/9a77e2ec";
  static Set<String> knownUsers;

  @TempDir Path home;
  @TempDir Path work;

  @BeforeAll
  static void readSampleUsers() throws IOException {
    knownUsers = new HashSet<>();
    for (String line : Files.readAllLines(Path.of("sample-data", "models", "sample-item-affinity", "user-factors.jsonl"))) {
      knownUsers.add(JSON.readTree(line).get("id").asText());
    }
  }

  private String[] createArgs(String jobName, Path output, String... extra) {
    List<String> args = new ArrayList<>(List.of("create-batch-segment-job",
        "--cli-input-json", "file://" + SAMPLE_REQUEST, "--job-name", jobName,
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + output + "/\"}}"));
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  @Test
  void sampleJobRunsToActiveAndDescribesEveryField() throws IOException {
    Path output = work.resolve("out");
    CliRun created = CliRun.run(home, createArgs("sample", output));
    assertThat(created.err(), created.exitCode(), equalTo(0));
    String arn = "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/sample";
    assertThat(created.out(), equalTo("{\n    \"batchSegmentJobArn\": \"" + arn + "\"\n}\n"));
    assertThat(created.err(), containsString("sample: ACTIVE (filesRead=2, linesFailed=0, linesRead=50, linesScored=50, "
        + "scoring=" + PanelScoringKernel.arithmetic() + ")"));

    CliRun described = CliRun.run(home, "describe-batch-segment-job", "--batch-segment-job-arn", arn);
    assertThat(described.exitCode(), equalTo(0));
    JsonNode job = json(described.out()).get("batchSegmentJob");
    List<String> fields = new ArrayList<>();
    job.fieldNames().forEachRemaining(fields::add);
    // Every BatchSegmentJob member but the two that only exist when set (filterArn, failureReason).
    assertThat(fields, equalTo(List.of("batchSegmentJobArn", "creationDateTime", "jobInput", "jobName", "jobOutput",
        "lastUpdatedDateTime", "numResults", "roleArn", "solutionVersionArn", "status")));
    assertThat(job.get("status").asText(), equalTo("ACTIVE"));
    assertThat(job.get("numResults").asInt(), equalTo(25));
    assertThat(job.get("jobInput").toString(), equalTo("{\"s3DataSource\":{\"path\":\"sample-data/input/\"}}"));
    // Epoch seconds with a millisecond fraction, as a JSON number.
    assertThat(described.out(), matchesPattern("(?s).*\"creationDateTime\": \\d{10}\\.\\d{1,3},\n.*"));
    assertThat(described.out(), matchesPattern("(?s).*\"lastUpdatedDateTime\": \\d{10}\\.\\d{1,3},\n.*"));

    for (String name : List.of("items-1.json", "items-2.json")) {
      List<String> input = Files.readAllLines(Path.of("sample-data", "input", name));
      List<String> out = Files.readAllLines(output.resolve(name + ".out"), StandardCharsets.UTF_8);
      assertThat(out, hasSize(input.size()));
      for (int i = 0; i < out.size(); i++) {
        JsonNode line = json(out.get(i));
        assertThat(line.get("input"), equalTo(json(input.get(i))));
        assertThat(line.get("error").isNull(), equalTo(true));
        List<String> users = new ArrayList<>();
        line.get("output").get("usersList").forEach(u -> users.add(u.asText()));
        assertThat(users.size(), lessThanOrEqualTo(25));
        assertThat(new HashSet<>(users).size(), equalTo(users.size()));
        assertThat(users, everyItem(in(knownUsers)));
      }
    }
    assertThat(leftovers(output), containsInAnyOrder("items-1.json.out", "items-2.json.out"));
  }

  @Test
  void listShowsTheJobsNewestFirstAndNarrowsBySolutionVersion() throws IOException {
    assertThat(CliRun.run(home, createArgs("first", work.resolve("a"))).exitCode(), equalTo(0));
    assertThat(CliRun.run(home, createArgs("second", work.resolve("b"))).exitCode(), equalTo(0));

    CliRun listed = CliRun.run(home, "list-batch-segment-jobs", "--max-results", "1");
    JsonNode page = json(listed.out());
    assertThat(page.get("batchSegmentJobs").get(0).get("jobName").asText(), equalTo("second"));
    List<String> summaryFields = new ArrayList<>();
    page.get("batchSegmentJobs").get(0).fieldNames().forEachRemaining(summaryFields::add);
    assertThat(summaryFields, equalTo(List.of("batchSegmentJobArn", "creationDateTime", "jobName",
        "lastUpdatedDateTime", "solutionVersionArn", "status")));

    JsonNode next = json(CliRun.run(home, "list-batch-segment-jobs", "--max-results", "1",
        "--next-token", page.get("nextToken").asText()).out());
    assertThat(next.get("batchSegmentJobs").get(0).get("jobName").asText(), equalTo("first"));
    assertThat(next.has("nextToken"), equalTo(false));

    JsonNode other = json(CliRun.run(home, "list-batch-segment-jobs", "--solution-version-arn",
        "arn:aws:personalize:us-east-1:123456789012:solution/other/1").out());
    assertThat(other.toString(), equalTo("{\"batchSegmentJobs\":[]}"));
  }

  @Test
  void errorsPrintTheAwsShapeAndNameTheField() throws IOException {
    CliRun badName = CliRun.run(home, createArgs("bad name!", work.resolve("o"), "--output", "json"));
    assertThat(badName.exitCode(), equalTo(254));
    JsonNode error = json(badName.err());
    assertThat(error.get("__type").asText(), equalTo("InvalidInputException"));
    assertThat(error.get("message").asText(), containsString("Value 'bad name!' at 'jobName'"));

    CliRun unknownVersion = CliRun.run(home, createArgs("x", work.resolve("o"), "--solution-version-arn",
        "arn:aws:personalize:us-east-1:123456789012:solution/none/1"));
    assertThat(unknownVersion.errorType(), equalTo("ResourceNotFoundException"));
    assertThat(unknownVersion.errorMessage(), containsString("solutionVersionArn"));
    assertThat(unknownVersion.errorOperation(), equalTo("CreateBatchSegmentJob"));
    assertThat(unknownVersion.out(), equalTo(""));

    CliRun unknownFilter = CliRun.run(home, createArgs("x", work.resolve("o"), "--filter-arn",
        "arn:aws:personalize:us-east-1:123456789012:filter/none"));
    assertThat(unknownFilter.errorType(), equalTo("ResourceNotFoundException"));
    assertThat(unknownFilter.errorMessage(), containsString("filterArn"));

    assertThat(CliRun.run(home, createArgs("twice", work.resolve("t"))).exitCode(), equalTo(0));
    CliRun again = CliRun.run(home, createArgs("twice", work.resolve("t2")));
    assertThat(again.errorType(), equalTo("ResourceAlreadyExistsException"));
    assertThat(Files.exists(work.resolve("t2")), equalTo(false));

    CliRun missing = CliRun.run(home, "describe-batch-segment-job", "--batch-segment-job-arn",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/never");
    assertThat(missing.exitCode(), equalTo(254));
    assertThat(missing.errorType(), equalTo("ResourceNotFoundException"));

    CliRun forged = CliRun.run(home, "list-batch-segment-jobs", "--next-token", "forged-token");
    assertThat(forged.errorType(), equalTo("InvalidNextTokenException"));

    CliRun tooMany = CliRun.run(home, "list-batch-segment-jobs", "--max-results", "101");
    assertThat(tooMany.errorMessage(), containsString("at 'maxResults'"));

    CliRun unknownField = CliRun.run(home, "create-batch-segment-job", "--cli-input-json", "{\"jobNam\": \"x\"}");
    assertThat(unknownField.errorMessage(), startsWith("Unknown parameter in input: \"jobNam\""));
  }

  @Test
  void beamOptionsPassThroughAndBadOnesAreUsageErrors() {
    CliRun ok = CliRun.run(home, createArgs("direct", work.resolve("d"), "--runner=DirectRunner",
        "--targetParallelism=2"));
    assertThat(ok.err(), ok.exitCode(), equalTo(0));
    CliRun bad = CliRun.run(home, createArgs("bad-option", work.resolve("d2"), "--noSuchBeamOption=1"));
    assertThat(bad.exitCode(), equalTo(252));
    assertThat(bad.err(), containsString("noSuchBeamOption"));
  }

  @Test
  void jobWithoutInputFilesEndsCreateFailedWithAReasonAndNoOutput() throws IOException {
    Path output = work.resolve("out");
    CliRun run = CliRun.run(home, createArgs("no-input", output, "--job-input",
        "{\"s3DataSource\": {\"path\": \"" + work.resolve("nothing-here") + "/\"}}"));
    assertThat(run.exitCode(), equalTo(1));
    JsonNode job = describe("no-input");
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), startsWith("No input files found under jobInput.s3DataSource.path "));
    assertThat(leftovers(output), empty());
  }

  @Test
  void jobWhoseModelIsMissingEndsCreateFailed() throws IOException {
    Path versions = Files.createDirectories(work.resolve("versions"));
    ObjectNode declaration = (ObjectNode) JSON.readTree(
        Path.of("pipelines", "solution-versions", "sample-item-affinity-9a77e2ec.json").toFile());
    ((ObjectNode) declaration.get("model")).put("userFactors", "missing.jsonl");
    Files.writeString(versions.resolve("broken.json"), declaration.toString());
    Path output = work.resolve("out");
    CliRun run = CliRun.run(home, createArgs("no-model", output, "--solution-versions", versions.toString()));
    assertThat(run.exitCode(), equalTo(1));
    JsonNode job = describe("no-model");
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), containsString("Cannot load the model of solution version "
        + SOLUTION_VERSION + ": no factor file at " + versions.resolve("missing.jsonl")));
    assertThat(leftovers(output), empty());
  }

  @Test
  void jobWhoseOutputIsAFileEndsCreateFailed() throws IOException {
    Path output = Files.writeString(work.resolve("not-a-folder"), "x");
    CliRun run = CliRun.run(home, createArgs("bad-output", output));
    assertThat(run.exitCode(), equalTo(1));
    JsonNode job = describe("bad-output");
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), startsWith("Cannot write to jobOutput.s3DataDestination.path "));
  }

  @Test
  void fileOverPersonalizesQueryLimitFailsTheJobUnlessLimitsAreLifted() throws IOException {
    Path input = Files.createDirectories(work.resolve("big"));
    String line = "{\"itemId\": \"" + firstSampleItem() + "\"}\n";
    Files.writeString(input.resolve("at-limit.json"), line.repeat(500));
    Files.writeString(input.resolve("over-limit.json"), line.repeat(501));
    String jobInput = "{\"s3DataSource\": {\"path\": \"" + input + "/\"}}";

    Path output = work.resolve("out");
    CliRun limited = CliRun.run(home, createArgs("over-limit", output, "--job-input", jobInput));
    assertThat(limited.exitCode(), equalTo(1));
    JsonNode job = describe("over-limit");
    assertThat(job.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(job.get("failureReason").asText(), containsString("Input file over-limit.json has more than 500 lines: "
        + "Personalize takes at most 500 itemId queries per input file. Split it into several files, or run with "
        + "--liftInputLimits=true for a local experiment."));
    assertThat(leftovers(output), empty());

    CliRun lifted = CliRun.run(home, createArgs("lifted", output, "--job-input", jobInput, "--liftInputLimits=true"));
    assertThat(lifted.err(), lifted.exitCode(), equalTo(0));
    assertThat(Files.readAllLines(output.resolve("over-limit.json.out")), hasSize(501));
    assertThat(Files.readAllLines(output.resolve("at-limit.json.out")), hasSize(500));
  }

  private static String firstSampleItem() throws IOException {
    String firstQuery = Files.readAllLines(Path.of("sample-data", "input", "items-1.json")).get(0);
    return JSON.readTree(firstQuery).get("itemId").asText();
  }

  private JsonNode describe(String name) throws IOException {
    CliRun described = CliRun.run(home, "describe-batch-segment-job", "--batch-segment-job-arn",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/" + name);
    return json(described.out()).get("batchSegmentJob");
  }

  private static List<String> leftovers(Path output) throws IOException {
    if (!Files.exists(output)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(output)) {
      return files.filter(f -> !f.equals(output)).map(f -> output.relativize(f).toString()).toList();
    }
  }
}
