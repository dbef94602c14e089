package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AWS's training flow on the command line: create-solution, then create-solution-version --solution-arn. */
class SolutionFlowCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String A = "arn:aws:personalize:us-east-1:123456789012:";
  static final String ROLE = "arn:aws:iam::123456789012:role/PersonalizeRole";

  @TempDir Path work;

  @Test
  void theUserSegmentationRecipesAreDescribedAndListedAPageAtATime() throws Exception {
    Path home = work.resolve("home");
    JsonNode recipe = JSON.readTree(CliRun.run(home, "describe-recipe", "--recipe-arn",
        "arn:aws:personalize:::recipe/aws-item-attribute-affinity").out()).get("recipe");
    assertThat(recipe.get("name").asText(), equalTo("aws-item-attribute-affinity"));
    assertThat(recipe.get("recipeType").asText(), equalTo("USER_SEGMENTATION"));
    assertThat(recipe.get("status").asText(), equalTo("ACTIVE"));
    JsonNode first = JSON.readTree(CliRun.run(home, "list-recipes", "--max-results", "4").out());
    JsonNode second = JSON.readTree(CliRun.run(home, "list-recipes", "--next-token",
        first.get("nextToken").asText()).out());
    List<String> names = new ArrayList<>();
    first.get("recipes").forEach(listed -> names.add(listed.get("name").asText()));
    second.get("recipes").forEach(listed -> names.add(listed.get("name").asText()));
    assertThat(names, equalTo(List.of("aws-item-affinity", "aws-item-attribute-affinity",
        "segmentbeam-item-affinity-cooccurrence", "segmentbeam-item-attribute-affinity-cooccurrence",
        "segmentbeam-item-affinity-popularity", "segmentbeam-item-attribute-affinity-popularity")));
    assertThat(second.has("nextToken"), equalTo(false));
    CliRun.run(home, "list-recipes", "--next-token", "forged").assertApiError("InvalidNextTokenException",
        "The nextToken is not valid for this request.");
    CliRun.run(home, "describe-recipe", "--recipe-arn", "arn:aws:personalize:::recipe/aws-user-personalization")
        .assertApiError("ResourceNotFoundException", "Could not find recipeArn "
            + "arn:aws:personalize:::recipe/aws-user-personalization: SegmentBeam has the USER_SEGMENTATION recipes "
            + "arn:aws:personalize:::recipe/aws-item-affinity, arn:aws:personalize:::recipe/aws-item-attribute-affinity, "
            + "arn:aws:personalize:::recipe/segmentbeam-item-affinity-cooccurrence, "
            + "arn:aws:personalize:::recipe/segmentbeam-item-attribute-affinity-cooccurrence, "
            + "arn:aws:personalize:::recipe/segmentbeam-item-affinity-popularity, "
            + "arn:aws:personalize:::recipe/segmentbeam-item-attribute-affinity-popularity.");
  }

  @Test
  void aLocalRecipeTrainsItsOwnModelAndNoOther() throws Exception {
    Path home = work.resolve("home");
    CliRun.run(home, "create-dataset-group", "--name", "local");
    CliRun conflicting = CliRun.run(home, "create-solution", "--name", "local", "--dataset-group-arn",
        A + "dataset-group/local", "--recipe-arn", "arn:aws:personalize:::recipe/segmentbeam-item-affinity-popularity",
        "--solution-config", "{\"algorithmHyperParameters\": {\"model\": \"als\"}}");
    conflicting.assertApiError("InvalidInputException", "1 validation error detected: Value 'als' at "
        + "'solutionConfig.algorithmHyperParameters.model' failed to satisfy constraint: Member must be popularity or "
        + "absent: recipe segmentbeam-item-affinity-popularity trains that model");
    CliRun trained = CliRun.run(home, "create-solution-version", "--solution-versions", work.resolve("versions")
        .toString(), "--cli-input-json", """
        {"name": "local-cooccurrence", "recipeArn": "arn:aws:personalize:::recipe/segmentbeam-item-affinity-cooccurrence",
         "datasets": {"interactions": {"dataLocation": "sample-data/datasets/interactions.csv",
                                       "schemaLocation": "sample-data/datasets/interactions-schema.json"}}}
        """);
    assertThat(trained.err(), trained.exitCode(), equalTo(0));
    String arn = JSON.readTree(trained.out()).get("solutionVersionArn").asText();
    JsonNode declaration = JSON.readTree(work.resolve("versions").resolve("local-cooccurrence-"
        + arn.substring(arn.lastIndexOf('/') + 1) + ".json").toFile());
    assertThat(declaration.get("model").get("type").asText(), equalTo("item-cooccurrence"));
    JsonNode described = JSON.readTree(CliRun.run(home, "describe-recipe", "--recipe-arn",
        "arn:aws:personalize:::recipe/segmentbeam-item-affinity-popularity").out()).get("recipe");
    assertThat(described.get("description").asText(), equalTo("SegmentBeam's popularity baseline for itemId lines: "
        + "the most active users, whatever the item."));
  }

  @Test
  void aSolutionVersionTrainedThroughAwsFlowRunsABatchSegmentJob() throws Exception {
    Path home = work.resolve("home");
    assertThat(CliRun.run(home, "create-dataset-group", "--name", "flow").exitCode(), equalTo(0));
    for (String type : List.of("Interactions", "Users", "Items")) {
      String lower = type.toLowerCase();
      CliRun.run(home, "create-schema", "--name", "flow-" + lower, "--schema",
          "file://sample-data/datasets/" + lower + "-schema.json");
      CliRun.run(home, "create-dataset", "--name", "flow-" + lower, "--dataset-group-arn", A + "dataset-group/flow",
          "--dataset-type", type, "--schema-arn", A + "schema/flow-" + lower);
      CliRun imported = CliRun.run(home, "create-dataset-import-job", "--job-name", "flow-" + lower, "--dataset-arn",
          A + "dataset/flow/" + type.toUpperCase(), "--role-arn", ROLE,
          "--data-source", "{\"dataLocation\": \"sample-data/datasets/" + lower + ".csv\"}");
      assertThat(imported.err(), imported.exitCode(), equalTo(0));
    }

    CliRun solution = CliRun.run(home, "create-solution", "--name", "flow", "--dataset-group-arn",
        A + "dataset-group/flow", "--recipe-arn", "arn:aws:personalize:::recipe/aws-item-affinity",
        "--solution-config", "{\"algorithmHyperParameters\": {\"model\": \"als\", \"iterations\": \"5\"}}");
    assertThat(solution.err(), JSON.readTree(solution.out()).get("solutionArn").asText(), equalTo(A + "solution/flow"));

    CliRun update = CliRun.run(home, "create-solution-version", "--solution-arn", A + "solution/flow",
        "--training-mode", "UPDATE");
    update.assertApiError("InvalidInputException", "1 validation error detected: Value 'UPDATE' at 'trainingMode' "
        + "failed to satisfy constraint: The user segmentation recipes support only FULL training: every solution "
        + "version is trained from all of its data");

    CliRun trained = CliRun.run(home, "create-solution-version", "--cli-input-json",
        "{\"solutionArn\": \"" + A + "solution/flow\", \"trainingMode\": \"FULL\"}");
    assertThat(trained.err(), trained.exitCode(), equalTo(0));
    String version = JSON.readTree(trained.out()).get("solutionVersionArn").asText();
    assertThat(version, startsWith(A + "solution/flow/"));
    JsonNode described = JSON.readTree(CliRun.run(home, "describe-solution-version", "--solution-version-arn",
        version).out()).get("solutionVersion");
    assertThat(described.get("status").asText(), equalTo("ACTIVE"));
    assertThat(described.get("trainingMode").asText(), equalTo("FULL"));
    JsonNode latest = JSON.readTree(CliRun.run(home, "describe-solution", "--solution-arn", A + "solution/flow")
        .out()).get("solution").get("latestSolutionVersion");
    assertThat(latest.get("solutionVersionArn").asText(), equalTo(version));

    JsonNode metrics = JSON.readTree(CliRun.run(home, "get-solution-metrics", "--solution-version-arn", version)
        .out());
    assertThat(metrics.get("solutionVersionArn").asText(), equalTo(version));
    List<String> names = new ArrayList<>();
    metrics.get("metrics").fieldNames().forEachRemaining(names::add);
    assertThat(names, containsInAnyOrder("precision_at_25", "recall_at_25", "coverage_at_25", "precision_at_100",
        "recall_at_100", "coverage_at_100", "popularity_baseline_precision_at_25",
        "popularity_baseline_recall_at_25", "popularity_baseline_coverage_at_25",
        "popularity_baseline_precision_at_100", "popularity_baseline_recall_at_100",
        "popularity_baseline_coverage_at_100", "test_items", "held_out_events"));
    // The sample data's 1,000 users hold out 5,000-odd of their 25,199 events, over all 200 items.
    assertThat(metrics.get("metrics").get("test_items").asInt(), equalTo(199));
    assertThat(metrics.get("metrics").get("precision_at_25").asDouble(),
        greaterThan(metrics.get("metrics").get("popularity_baseline_precision_at_25").asDouble()));
    CliRun.run(home, "get-solution-metrics", "--solution-version-arn", A + "solution/flow/0000abcd")
        .assertApiError("ResourceNotFoundException", "Could not find solutionVersionArn " + A
            + "solution/flow/0000abcd: no solution version with that ARN is declared in "
            + Path.of("pipelines/solution-versions").toAbsolutePath() + ", nor trained with CreateSolutionVersion ("
            + home.resolve("trained-solution-versions/us-east-1/123456789012").toAbsolutePath() + ").");

    CliRun job = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--job-name", "on-trained", "--solution-version-arn", version,
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("out") + "/\"}}");
    assertThat(job.err(), job.exitCode(), equalTo(0));
    assertThat(Files.readAllLines(work.resolve("out/items-1.json.out")).size(), equalTo(25));

    // The job has no filter: its report compares segments with the Users the solution was trained on.
    Path page = work.resolve("on-trained.html");
    CliRun report = CliRun.run(home, "report", "--batch-segment-job-arn", A + "batch-segment-job/on-trained",
        "--report-file", page.toString());
    assertThat(report.err(), report.exitCode(), equalTo(0));
    String html = Files.readString(page);
    assertThat(html, containsString("From the Users dataset of the dataset group the solution version was trained in "
        + "(1,000 users)."));
    assertThat(html.split("<figure data-field=\"AGE\"", -1).length - 1, equalTo(50));
    assertThat(html.split("<figure data-field=\"MEMBERSHIP\"", -1).length - 1, equalTo(50));
    assertThat(html.split("<td>no filter</td>", -1).length - 1, equalTo(50));
    assertThat(html.split(" data-low-score=", -1).length - 1, equalTo(50));
  }
}
