package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AWS's training flow through {@code serve}, driven by AWS's own clients unchanged: a boto3 script
 * that loads a dataset group from S3, creates a solution and a version, waits for ACTIVE, reads
 * GetSolutionMetrics and runs a batch segment job on the version; then the AWS CLI, creating a
 * solution (with hyperparameter optimization) and a version from its own skeletons, filled in.
 */
class TrainingClientsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String A = "arn:aws:personalize:us-east-1:123456789012:";

  @TempDir static Path work;
  static ServedEndpoint server;

  @BeforeAll
  static void serve() throws Exception {
    server = ServedEndpoint.start(work, "--job-workers", "2");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void boto3AndTheAwsCliTrainReadMetricsAndSegment() throws Exception {
    Path script = Files.writeString(work.resolve("train.py"), BOTO3_SCRIPT);
    EndpointClientsTest.Run boto = EndpointClientsTest.run(work, server.url(),
        List.of("python3", script.toString(), Path.of("").toAbsolutePath().toString()));
    assertThat(boto.err(), boto.exitCode(), equalTo(0));
    JsonNode result = JSON.readTree(boto.out());
    assertThat(result.toString(), result.get("versionStatus").asText(), equalTo("ACTIVE"));
    JsonNode metrics = result.get("metrics");
    assertThat(metrics.toString(), metrics.get("precision_at_25").asDouble(),
        greaterThan(metrics.get("popularity_baseline_precision_at_25").asDouble()));
    assertThat(result.get("jobStatus").asText(), equalTo("ACTIVE"));
    List<Integer> sizes = new ArrayList<>();
    result.get("lines").forEach(line -> sizes.add(line.get("output").get("usersList").size()));
    assertThat(sizes, hasSize(25));
    assertThat(sizes, everyItem(equalTo(10)));

    JsonNode solution = filledSkeleton("create-solution", """
        {"name": "cli-hpo", "performHPO": true, "performAutoML": false, "performAutoTraining": true,
         "performIncrementalUpdate": false, "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
         "datasetGroupArn": "%sdataset-group/boto", "eventType": "",
         "solutionConfig": {
           "eventValueThreshold": "0",
           "hpoConfig": {
             "hpoObjective": {"type": "Maximize", "metricName": "recall_at_100", "metricRegex": ""},
             "hpoResourceConfig": {"maxNumberOfTrainingJobs": "3", "maxParallelTrainingJobs": "1"},
             "algorithmHyperParameterRanges": {
               "integerHyperParameterRanges": [{"name": "factors", "minValue": 8, "maxValue": 24}],
               "continuousHyperParameterRanges": [{"name": "alpha", "minValue": 0.5, "maxValue": 2.0}],
               "categoricalHyperParameterRanges": [{"name": "model", "values": ["als", "item-cooccurrence"]}]}},
           "algorithmHyperParameters": {"iterations": "10"},
           "featureTransformationParameters": {"max_user_history_length_percentile": "0.99"},
           "autoMLConfig": {"metricName": "precision_at_25",
                            "recipeList": ["arn:aws:personalize:::recipe/aws-item-affinity"]},
           "eventsConfig": {"eventParametersList": [{"eventType": "purchase", "eventValueThreshold": 0, "weight": 1.0},
                                                    {"eventType": "click", "eventValueThreshold": 0, "weight": 0.25}]},
           "optimizationObjective": {"itemAttribute": "PRICE", "objectiveSensitivity": "OFF"},
           "trainingDataConfig": {"excludedDatasetColumns": {"Interactions": ["EVENT_VALUE"]},
                                  "includedDatasetColumns": {"Users": ["MEMBERSHIP"]}},
           "autoTrainingConfig": {"schedulingExpression": "rate(7 days)"}},
         "tags": [{"tagKey": "team", "tagValue": "growth"}]}
        """.formatted(A));
    EndpointClientsTest.Run created = aws("create-solution", "--cli-input-json",
        "file://" + Files.writeString(work.resolve("solution.json"), solution.toString()));
    assertThat(created.err(), created.exitCode(), equalTo(0));
    JsonNode version = filledSkeleton("create-solution-version", """
        {"name": "cli-hpo-1", "solutionArn": "%ssolution/cli-hpo", "trainingMode": "FULL",
         "tags": [{"tagKey": "team", "tagValue": "growth"}]}
        """.formatted(A));
    EndpointClientsTest.Run versioned = aws("create-solution-version", "--cli-input-json",
        "file://" + Files.writeString(work.resolve("version.json"), version.toString()));
    assertThat(versioned.err(), versioned.exitCode(), equalTo(0));
    String versionArn = JSON.readTree(versioned.out()).get("solutionVersionArn").asText();
    JsonNode described = awaitEnd("solutionVersion", "describe-solution-version", "--solution-version-arn",
        versionArn);
    assertThat(described.toString(), described.get("status").asText(), equalTo("ACTIVE"));
    assertThat(described.get("performHPO").asBoolean(), equalTo(true));
    JsonNode tuned = described.get("tunedHPOParams").get("algorithmHyperParameters");
    List<String> tunedNames = new ArrayList<>();
    tuned.fieldNames().forEachRemaining(tunedNames::add);
    assertThat(tunedNames.toString(), new TreeSet<>(tunedNames),
        equalTo(new TreeSet<>(List.of("alpha", "factors", "iterations", "model"))));
    EndpointClientsTest.Run cliMetrics = aws("get-solution-metrics", "--solution-version-arn", versionArn);
    assertThat(cliMetrics.err(), cliMetrics.exitCode(), equalTo(0));
    assertThat(JSON.readTree(cliMetrics.out()).get("metrics").get("recall_at_100").asDouble(),
        greaterThan(JSON.readTree(cliMetrics.out()).get("metrics").get("popularity_baseline_recall_at_100")
            .asDouble()));

    EndpointClientsTest.Run job = aws("create-batch-segment-job", "--job-name", "cli-hpo", "--solution-version-arn",
        versionArn, "--num-results", "5", "--role-arn", "arn:aws:iam::123456789012:role/PersonalizeRole",
        "--job-input", "{\"s3DataSource\": {\"path\": \"s3://training/input/\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"s3://training/cli-output/\"}}");
    assertThat(job.err(), job.exitCode(), equalTo(0));
    String jobArn = JSON.readTree(job.out()).get("batchSegmentJobArn").asText();
    JsonNode ended = awaitEnd("batchSegmentJob", "describe-batch-segment-job", "--batch-segment-job-arn", jobArn);
    assertThat(ended.toString(), ended.get("status").asText(), equalTo("ACTIVE"));
    EndpointClientsTest.Run output = EndpointClientsTest.run(work, server.url(),
        List.of("aws", "s3", "cp", "s3://training/cli-output/items-1.json.out", "-"));
    assertThat(output.err(), segmentSizes(output.out()), equalTo(Collections.nCopies(25, 5)));
  }

  /** The size of each line's segment in a {@code .out} file's text. */
  private static List<Integer> segmentSizes(String lines) throws IOException {
    List<Integer> sizes = new ArrayList<>();
    for (String line : lines.split("\n")) {
      sizes.add(JSON.readTree(line).get("output").get("usersList").size());
    }
    return sizes;
  }

  /** The AWS CLI's skeleton for {@code operation}, every member filled from {@code filled}, which must have them all. */
  private static JsonNode filledSkeleton(String operation, String filled)
      throws Exception {
    EndpointClientsTest.Run skeleton = aws(operation, "--generate-cli-skeleton");
    assertThat(skeleton.err(), skeleton.exitCode(), equalTo(0));
    JsonNode request = JSON.readTree(filled);
    assertThat(operation, paths(request, ""), equalTo(paths(JSON.readTree(skeleton.out()), "")));
    return request;
  }

  /**
   * Every member path of a JSON document, arrays by their first element; the maps (members named
   * ...Parameters or ...Columns) by their own path, as their keys are the user's.
   */
  private static TreeSet<String> paths(JsonNode node, String prefix) {
    TreeSet<String> paths = new TreeSet<>();
    if (node.isObject() && !prefix.endsWith("Parameters") && !prefix.endsWith("Columns")) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        paths.add(prefix + "." + field.getKey());
        paths.addAll(paths(field.getValue(), prefix + "." + field.getKey()));
      }
    } else if (node.isArray() && node.size() > 0) {
      paths.addAll(paths(node.get(0), prefix + "[]"));
    }
    return paths;
  }

  /** Describes with the AWS CLI until the resource (the response's {@code member}) has ended, or two minutes pass. */
  private static JsonNode awaitEnd(String member, String... describe) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (true) {
      JsonNode resource = JSON.readTree(aws(describe).out()).get(member);
      String status = resource.get("status").asText();
      if (status.equals("ACTIVE") || status.equals("CREATE FAILED") || System.nanoTime() > deadline) {
        return resource;
      }
      Thread.sleep(200);
    }
  }

  private static EndpointClientsTest.Run aws(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("aws", "personalize"));
    command.addAll(List.of(args));
    return EndpointClientsTest.run(work, server.url(), command);
  }

  /** Loads a dataset group from S3, trains, reads metrics and segments, all through boto3; prints JSON. */
  private static final String BOTO3_SCRIPT = """
      import json, sys, time
      import boto3

      root = sys.argv[1]
      role = "arn:aws:iam::123456789012:role/PersonalizeRole"
      personalize = boto3.client("personalize")
      s3 = boto3.client("s3")

      def wait(describe, key):
          deadline = time.time() + 120
          while True:
              resource = describe()[key]
              if resource["status"] in ("ACTIVE", "CREATE FAILED") or time.time() > deadline:
                  return resource
              time.sleep(0.2)

      s3.create_bucket(Bucket="training")
      for name in ("interactions", "users", "items"):
          s3.upload_file(f"{root}/sample-data/datasets/{name}.csv", "training", f"datasets/{name}.csv")
      s3.upload_file(f"{root}/sample-data/input/items-1.json", "training", "input/items-1.json")

      group = personalize.create_dataset_group(name="boto")["datasetGroupArn"]
      for kind in ("Interactions", "Users", "Items"):
          name = kind.lower()
          with open(f"{root}/sample-data/datasets/{name}-schema.json") as schema:
              schema_arn = personalize.create_schema(name=f"boto-{name}", schema=schema.read())["schemaArn"]
          dataset = personalize.create_dataset(name=f"boto-{name}", datasetGroupArn=group, datasetType=kind,
                                               schemaArn=schema_arn)["datasetArn"]
          job = personalize.create_dataset_import_job(jobName=f"boto-{name}", datasetArn=dataset, roleArn=role,
              dataSource={"dataLocation": f"s3://training/datasets/{name}.csv"})["datasetImportJobArn"]
          imported = wait(lambda: personalize.describe_dataset_import_job(datasetImportJobArn=job), "datasetImportJob")
          assert imported["status"] == "ACTIVE", imported

      solution = personalize.create_solution(name="boto", datasetGroupArn=group, performAutoTraining=False,
          recipeArn="arn:aws:personalize:::recipe/aws-item-affinity")["solutionArn"]
      version_arn = personalize.create_solution_version(solutionArn=solution, trainingMode="FULL")["solutionVersionArn"]
      version = wait(lambda: personalize.describe_solution_version(solutionVersionArn=version_arn), "solutionVersion")
      metrics = personalize.get_solution_metrics(solutionVersionArn=version_arn)["metrics"]

      job_arn = personalize.create_batch_segment_job(jobName="boto", solutionVersionArn=version_arn, numResults=10,
          roleArn=role, jobInput={"s3DataSource": {"path": "s3://training/input/"}},
          jobOutput={"s3DataDestination": {"path": "s3://training/output/"}})["batchSegmentJobArn"]
      job = wait(lambda: personalize.describe_batch_segment_job(batchSegmentJobArn=job_arn), "batchSegmentJob")
      lines = s3.get_object(Bucket="training", Key="output/items-1.json.out")["Body"].read().decode().splitlines()
      print(json.dumps({"versionStatus": version["status"], "metrics": metrics, "jobStatus": job["status"],
                        "lines": [json.loads(line) for line in lines]}))
      """;
}
