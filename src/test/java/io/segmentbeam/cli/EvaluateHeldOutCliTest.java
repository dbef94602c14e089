package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate} on data without a generator's ground truth: models trained on the sample
 * interactions before a date, their jobs measured against the interactions after it, reading the
 * files each job published and no others.
 */
class EvaluateHeldOutCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SCHEMA = "sample-data/datasets/interactions-schema.json";

  @TempDir Path home;
  @TempDir Path work;

  @Test
  void aTrainedModelsSegmentsFindLaterInteractionsBetterThanPopularitys() throws IOException {
    splitByTime();
    JsonNode als = evaluateHeldOut(job("als"));
    JsonNode popularity = evaluateHeldOut(job("popularity"));
    assertThat(als.get("lines").asInt(), equalTo(50));
    assertThat(als.get("errorLines").asInt(), equalTo(0));
    assertThat(als.get("all").get("lines").asInt() + als.get("linesWithoutEvidence").asInt(), equalTo(50));
    assertThat(als.toString(), als.get("all").get("meanPrecision").asDouble(),
        greaterThan(popularity.get("all").get("meanPrecision").asDouble()));
    assertThat(als.get("all").has("meanAffinityLift"), equalTo(false));
  }

  @Test
  void onlyTheFilesTheJobPublishedAreReadAndAChangedOneIsRefused() throws IOException {
    splitByTime();
    String job = job("popularity");
    JsonNode before = evaluateHeldOut(job);
    Path output = work.resolve("out-popularity");
    Files.copy(output.resolve("items-1.json.out"), output.resolve("someone-else.json.out"));
    assertThat(evaluateHeldOut(job), equalTo(before));

    long published = Files.size(output.resolve("items-2.json.out"));
    Files.writeString(output.resolve("items-2.json.out"), "{\"input\": {\"itemId\": \"100001\"}, \"output\": "
        + "{\"usersList\": []}}\n", StandardOpenOption.APPEND);
    CliRun changed = CliRun.run(home, "evaluate", "--batch-segment-job-arn", job, "--solution-versions",
        work.resolve("versions").toString(), "--held-out-interactions", work.resolve("later.csv").toString(),
        "--held-out-schema", SCHEMA);
    assertThat(changed.exitCode(), equalTo(253));
    assertThat(changed.err().strip(), equalTo("error: the job published " + output.resolve("items-2.json.out")
        + " (" + published + " bytes), which has changed since (" + Files.size(output.resolve("items-2.json.out"))
        + " bytes now): run the job again to "
        + "evaluate it"));

    Files.delete(home.resolve("job-outputs/us-east-1/123456789012/batch-segment-job/held-out-popularity.json"));
    CliRun unrecorded = CliRun.run(home, "evaluate", "--batch-segment-job-arn", job, "--solution-versions",
        work.resolve("versions").toString());
    assertThat(unrecorded.err().strip(), equalTo("error: no record of the files batch segment job " + job
        + " published (a job run before SegmentBeam kept that record, or finished by another command after its own "
        + "process died, has none): run the job again to evaluate it"));

    CliRun unpaired = CliRun.run(home, "evaluate", "--batch-segment-job-arn", job, "--held-out-interactions",
        work.resolve("later.csv").toString());
    assertThat(unpaired.err().strip(), equalTo("error: --held-out-interactions and --held-out-schema go together: "
        + "the events and their schema"));
  }

  /** The sample interactions before 2025-04-01 to train on, the ones from then on held out. */
  private void splitByTime() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("sample-data/datasets/interactions.csv"));
    List<String> before = new ArrayList<>(List.of(lines.get(0)));
    List<String> after = new ArrayList<>(List.of(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      long timestamp = Long.parseLong(line.substring(line.lastIndexOf(',') + 1));
      (timestamp < 1_743_465_600L ? before : after).add(line);
    }
    Files.write(work.resolve("earlier.csv"), before);
    Files.write(work.resolve("later.csv"), after);
  }

  /** Trains a model on the earlier events, runs the sample input through it; returns the job's ARN. */
  private String job(String model) throws IOException {
    String request = """
        {"name": "held-out-%s", "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
         "solutionConfig": {"algorithmHyperParameters": {"model": "%s"}},
         "datasets": {"interactions": {"dataLocation": "%s", "schemaLocation": "%s"}},
         "modelLocation": "%s"}
        """.formatted(model, model, work.resolve("earlier.csv"), Path.of(SCHEMA).toAbsolutePath(),
        work.resolve("model-" + model) + "/");
    String versions = work.resolve("versions").toString();
    CliRun trained = CliRun.run(home, "create-solution-version", "--cli-input-json", request, "--solution-versions",
        versions);
    assertThat(trained.err(), trained.exitCode(), equalTo(0));
    CliRun job = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--job-name", "held-out-" + model, "--solution-version-arn",
        JSON.readTree(trained.out()).get("solutionVersionArn").asText(), "--job-output",
        "{\"s3DataDestination\": {\"path\": \"" + work.resolve("out-" + model) + "/\"}}", "--solution-versions",
        versions);
    assertThat(job.err(), job.exitCode(), equalTo(0));
    return JSON.readTree(job.out()).get("batchSegmentJobArn").asText();
  }

  private JsonNode evaluateHeldOut(String job) throws IOException {
    CliRun evaluated = CliRun.run(home, "evaluate", "--batch-segment-job-arn", job, "--solution-versions",
        work.resolve("versions").toString(), "--held-out-interactions", work.resolve("later.csv").toString(),
        "--held-out-schema", SCHEMA);
    assertThat(evaluated.err(), evaluated.exitCode(), equalTo(0));
    return JSON.readTree(evaluated.out());
  }
}
