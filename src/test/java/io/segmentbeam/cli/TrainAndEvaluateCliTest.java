package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training on the sample datasets and measuring the sample jobs' segments, as the README shows. */
class TrainAndEvaluateCliTest {
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path home;
  @TempDir Path work;

  @Test
  void trainingIsDeterministicAndRegistersTheSolutionVersion() throws IOException {
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("pipelines", "sample-solution-version.json").toFile());
    request.put("modelLocation", work.resolve("model") + "/");
    Path registry = work.resolve("versions");
    CliRun run = CliRun.run(home, "create-solution-version", "--cli-input-json", request.toString(),
        "--solution-versions", registry.toString(), "--threads", "1");
    assertThat(run.err(), run.exitCode(), equalTo(0));
    String arn = JSON.readTree(run.out()).get("solutionVersionArn").asText();
    assertThat(arn, matchesPattern("arn:aws:personalize:us-east-1:123456789012:solution/sample-item-affinity/[0-9a-f]{8}"));
    assertThat(run.err(), containsString("iteration 15/15: loss "));
    // One thread here, two when the committed model was trained: the same bytes.
    for (String file : new String[] {"user-factors.jsonl", "item-factors.jsonl"}) {
      assertThat(file, Files.readString(work.resolve("model").resolve(file)),
          equalTo(Files.readString(Path.of("sample-data", "models", "sample-item-affinity", file))));
    }
    JsonNode declaration = JSON.readTree(registry.resolve("sample-item-affinity-" + arn.substring(arn.length() - 8)
        + ".json").toFile());
    assertThat(declaration.get("model").get("type").asText(), equalTo("latent-factors"));
  }

  @Test
  void modelsComputedFromInteractionsRegisterUnderTheCommittedArn() throws IOException {
    CliRun run = CliRun.run(home, "create-solution-version", "--cli-input-json",
        "file://pipelines/sample-cooccurrence-solution-version.json", "--solution-versions", work.toString());
    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(JSON.readTree(run.out()).get("solutionVersionArn").asText(),
        equalTo("arn:aws:personalize:us-east-1:123456789012:solution/sample-cooccurrence/74af01ef"));
    JsonNode model = JSON.readTree(work.resolve("sample-cooccurrence-74af01ef.json").toFile()).get("model");
    assertThat(model.get("type").asText(), equalTo("item-cooccurrence"));
  }

  @Test
  void aModelHyperparameterOptimizationChoseIsTheModelDeclared() throws IOException {
    // The given ALS is the first candidate; the other two are popularity, which minimizing precision picks.
    String request = """
        {"name": "hpo-model", "performHPO": true, "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
         "solutionConfig": {"algorithmHyperParameters": {"model": "als", "iterations": "3"},
           "hpoConfig": {"hpoObjective": {"type": "Minimize", "metricName": "precision_at_25"},
             "hpoResourceConfig": {"maxNumberOfTrainingJobs": "3"},
             "algorithmHyperParameterRanges": {
               "categoricalHyperParameterRanges": [{"name": "model", "values": ["popularity"]}]}}},
         "datasets": {"interactions": {"dataLocation": "sample-data/datasets/interactions.csv",
                                       "schemaLocation": "sample-data/datasets/interactions-schema.json"}},
         "modelLocation": "%s/"}
        """.formatted(work.resolve("model"));
    CliRun run = CliRun.run(home, "create-solution-version", "--cli-input-json", request, "--solution-versions",
        work.toString());
    assertThat(run.err(), run.exitCode(), equalTo(0));
    assertThat(run.err(), containsString("hpo chose {iterations=3, model=popularity}"));
    String arn = JSON.readTree(run.out()).get("solutionVersionArn").asText();
    JsonNode declaration = JSON.readTree(work.resolve("hpo-model-" + arn.substring(arn.length() - 8) + ".json")
        .toFile());
    assertThat(declaration.get("model").get("type").asText(), equalTo("popularity"));
    assertThat(declaration.get("metrics").get("precision_at_25").asDouble(),
        equalTo(declaration.get("metrics").get("popularity_baseline_precision_at_25").asDouble()));
  }

  @Test
  void badHyperparameterIsAnInvalidInputNamingIt() throws IOException {
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("pipelines", "sample-solution-version.json").toFile());
    ((ObjectNode) request.get("solutionConfig").get("algorithmHyperParameters")).put("factors", "lots");
    CliRun run = CliRun.run(home, "create-solution-version", "--cli-input-json", request.toString(),
        "--solution-versions", work.toString());
    assertThat(run.exitCode(), equalTo(254));
    assertThat(run.errorMessage(), equalTo("1 validation error detected: Value 'lots' at "
        + "'solutionConfig.algorithmHyperParameters.factors' failed to satisfy constraint: Member must be a whole "
        + "number from 1 to 1000"));
  }

  @Test
  void trainedSegmentsFindTheGeneratorsTrueAffinityBetterThanThePopularityBaseline() throws IOException {
    double popularity = meanPrecision("sample-popularity-segment-job", "itemId");
    assertThat(meanPrecision("sample-batch-segment-job", "itemId"), greaterThanOrEqualTo(2 * popularity));
    // Co-occurrence sums similarity over a user's history, so it favours active users, whom the true
    // affinity (which ignores activity) does not: it beats popularity here by less.
    assertThat(meanPrecision("sample-cooccurrence-segment-job", "itemId"), greaterThanOrEqualTo(1.3 * popularity));
    JsonNode attributes = evaluate("sample-attribute-segment-job").get("byQueryKind").get("itemAttributes");
    assertThat(attributes.get("lines").asInt(), equalTo(10));
    assertThat(attributes.get("meanAffinityLift").asDouble(), greaterThan(1.3));
  }

  private double meanPrecision(String job, String kind) throws IOException {
    return evaluate(job).get("byQueryKind").get(kind).get("meanPrecision").asDouble();
  }

  private JsonNode evaluate(String job) throws IOException {
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("pipelines", job + ".json").toFile());
    ((ObjectNode) request.get("jobOutput").get("s3DataDestination")).put("path", work.resolve(job) + "/");
    CliRun created = CliRun.run(home, "create-batch-segment-job", "--cli-input-json", request.toString());
    assertThat(created.err(), created.exitCode(), equalTo(0));
    CliRun evaluated = CliRun.run(home, "evaluate", "--batch-segment-job-arn",
        JSON.readTree(created.out()).get("batchSegmentJobArn").asText());
    assertThat(evaluated.err(), evaluated.exitCode(), equalTo(0));
    return JSON.readTree(evaluated.out());
  }
}
