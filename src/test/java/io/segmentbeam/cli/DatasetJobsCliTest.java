package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Datasets made with create-schema, create-dataset-group and create-dataset, filled by import jobs
 * and put requests, read by training and segment jobs, and written out by export jobs, on the
 * Direct runner with a local store.
 */
class DatasetJobsCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ARN = "arn:aws:personalize:us-east-1:123456789012:";
  static final String ROLE = "arn:aws:iam::123456789012:role/PersonalizeRole";
  static final String USERS_HEADER = "USER_ID,AGE,MEMBERSHIP";

  @TempDir Path home;
  @TempDir Path work;
  static JsonNode shapes;

  @BeforeAll
  static void readModel() throws IOException {
    shapes = JSON.readTree(Path.of("..", "shared", "aws-api", "personalize-2018-05-22.json").toFile()).get("shapes");
  }

  @Test
  void importTrainSegmentAndExportTheSampleData() throws IOException {
    String group = createGroup("sample-copy");
    for (String type : List.of("interactions", "users", "items")) {
      assertThat(importJob(group, type, "import-" + type, "sample-data/datasets/" + type + ".csv", "FULL")
          .get("status").asText(), equalTo("ACTIVE"));
    }

    Path request = work.resolve("train.json");
    Files.writeString(request, """
        {"name": "from-imports", "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
         "solutionConfig": {"algorithmHyperParameters": {"model": "als", "factors": "8", "iterations": "5",
                                                         "seed": "42"}},
         "datasetGroupArn": "%s"}
        """.formatted(ARN + "dataset-group/" + group));
    Path versions = Files.createDirectories(work.resolve("versions"));
    CliRun trained = CliRun.run(home, "create-solution-version", "--cli-input-json", "file://" + request,
        "--solution-versions", versions.toString(), "--threads", "1");
    assertThat(trained.err(), trained.exitCode(), equalTo(0));
    String solutionVersion = JSON.readTree(trained.out()).get("solutionVersionArn").asText();

    CliRun segments = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--job-name", "from-imports",
        "--solution-version-arn", solutionVersion, "--solution-versions", versions.toString(),
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("segments") + "/\"}}");
    assertThat(segments.err(), segments.exitCode(), equalTo(0));
    for (String name : List.of("items-1.json.out", "items-2.json.out")) {
      List<String> lines = Files.readAllLines(work.resolve("segments").resolve(name));
      assertThat(lines.size(), equalTo(25));
      for (String line : lines) {
        assertThat(line, JSON.readTree(line).get("output").get("usersList").size(), equalTo(25));
      }
    }

    // Filters read the imported Users: no bronze member is in a filtered segment.
    Map<String, String> membership = new HashMap<>();
    for (String row : Files.readAllLines(Path.of("sample-data", "datasets", "users.csv"))) {
      membership.put(row.split(",")[0], row.split(",")[2]);
    }
    CliRun filter = CliRun.run(home, "create-filter", "--name", "imported-no-bronze", "--dataset-group-arn",
        ARN + "dataset-group/" + group, "--filter-expression", "EXCLUDE UserID WHERE Users.MEMBERSHIP IN (\"bronze\")");
    assertThat(filter.err(), filter.exitCode(), equalTo(0));
    CliRun filtered = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--job-name", "from-imports-filtered",
        "--solution-version-arn", solutionVersion, "--solution-versions", versions.toString(),
        "--filter-arn", ARN + "filter/imported-no-bronze",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("filtered") + "/\"}}");
    assertThat(filtered.err(), filtered.exitCode(), equalTo(0));
    for (String line : Files.readAllLines(work.resolve("filtered").resolve("items-1.json.out"))) {
      JsonNode users = JSON.readTree(line).get("output").get("usersList");
      assertThat(users.size(), equalTo(25));
      users.forEach(user -> assertThat(user.asText(), membership.get(user.asText()), not(equalTo("bronze"))));
    }

    // Item-Attribute-Affinity reads the imported Items to resolve itemAttributes queries.
    Files.writeString(request, Files.readString(request).replace("aws-item-affinity", "aws-item-attribute-affinity")
        .replace("from-imports", "from-imports-attributes"));
    CliRun attributes = CliRun.run(home, "create-solution-version", "--cli-input-json", "file://" + request,
        "--solution-versions", versions.toString(), "--threads", "1");
    assertThat(attributes.err(), attributes.exitCode(), equalTo(0));
    CliRun attributeSegments = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-attribute-segment-job.json", "--job-name", "from-imports-attributes",
        "--solution-version-arn", JSON.readTree(attributes.out()).get("solutionVersionArn").asText(),
        "--solution-versions", versions.toString(),
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("attributes") + "/\"}}");
    assertThat(attributeSegments.err(), attributeSegments.exitCode(), equalTo(0));
    assertThat(attributeSegments.err(), containsString("linesFailed=0"));

    // What was imported comes back out exactly, row for row.
    for (String type : List.of("interactions", "users", "items")) {
      String dataset = ARN + "dataset/" + group + "/" + type.toUpperCase();
      JsonNode exported = exportJob(dataset, "export-" + type, "BULK", null);
      assertThat(exported.get("status").asText(), equalTo("ACTIVE"));
      List<String> sample = Files.readAllLines(Path.of("sample-data", "datasets", type + ".csv"));
      assertThat(type, exportedRows("export-" + type, sample.get(0)),
          containsInAnyOrder(sample.subList(1, sample.size()).toArray()));
    }
  }

  @Test
  void fullReplacesBulkRecordsAndKeepsPutOnesWhileIncrementalAddsAndUpdates() throws IOException {
    String group = createGroup("modes");
    importUsers(group, "first", "FULL", "u1,30,gold", "u2,40,silver", "u3,50,bronze");
    putUsers(group, "{\"userId\": \"u4\", \"properties\": \"{\\\"age\\\": 21, \\\"membership\\\": \\\"gold\\\"}\"}",
        "{\"userId\": \"u2\", \"properties\": \"{\\\"AGE\\\": 41, \\\"membership\\\": \\\"platinum\\\"}\"}");
    importUsers(group, "second", "INCREMENTAL", "u3,51,silver", "u5,60,gold");

    assertThat(exportUsers(group, "after-incremental-bulk", "BULK"),
        containsInAnyOrder("u1,30,gold", "u3,51,silver", "u5,60,gold"));
    assertThat(exportUsers(group, "after-incremental-put", "PUT"), containsInAnyOrder("u2,41,platinum", "u4,21,gold"));
    assertThat(exportUsers(group, "after-incremental-all", "ALL"), containsInAnyOrder("u1,30,gold", "u3,51,silver",
        "u5,60,gold", "u2,41,platinum", "u4,21,gold"));

    // FULL drops the bulk records; a put record imported again becomes a bulk record.
    importUsers(group, "third", "FULL", "u4,22,silver", "u6,70,bronze");
    assertThat(exportUsers(group, "after-full-bulk", "BULK"), containsInAnyOrder("u4,22,silver", "u6,70,bronze"));
    assertThat(exportUsers(group, "after-full-put", "PUT"), containsInAnyOrder("u2,41,platinum"));

    // Interactions are events: an incremental import adds them all, even repeated ones.
    String interactions = ARN + "dataset/" + group + "/INTERACTIONS";
    Path events = write("events.csv", "USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP",
        "u1,i1,click,,1700000000", "u2,i2,watch,4.5,1700000001");
    assertThat(importJob(interactions, "events-1", events.toString(), "FULL").get("status").asText(),
        equalTo("ACTIVE"));
    assertThat(importJob(interactions, "events-2", events.toString(), "INCREMENTAL").get("status").asText(),
        equalTo("ACTIVE"));
    assertThat(exportJob(interactions, "events-all", "ALL", null).get("status").asText(), equalTo("ACTIVE"));
    assertThat(exportedRows("events-all", "USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP"),
        containsInAnyOrder("u1,i1,click,,1700000000", "u2,i2,watch,4.5,1700000001", "u1,i1,click,,1700000000",
            "u2,i2,watch,4.5,1700000001"));
  }

  @Test
  void aFailedImportNamesTheProblemsAndLeavesTheDatasetAsItWas() throws IOException {
    String group = createGroup("failures");
    importUsers(group, "good", "FULL", "u1,30,gold", "u2,40,silver");
    String users = ARN + "dataset/" + group + "/USERS";

    Path badHeader = write("bad-header.csv", "USER_ID,MEMBERSHIP,AGE", "u3,gold,33");
    JsonNode header = importJob(users, "bad-header", badHeader.toString(), "INCREMENTAL");
    assertThat(header.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(header.get("failureReason").asText(), equalTo("Found 1 problem in the 0 rows read at "
        + "dataSource.dataLocation " + badHeader + " (a file whose header is wrong is one problem, and its rows are "
        + "not read), so nothing was imported into " + users + ". First problems: " + badHeader + ":1: AGE: the "
        + "header has \"MEMBERSHIP\" where the schema has AGE; the header must be USER_ID,AGE,MEMBERSHIP. Fix them "
        + "and import again."));

    Path folder = Files.createDirectories(work.resolve("bad-rows"));
    Files.write(folder.resolve("a.csv"), List.of(USERS_HEADER, "u3,33,gold", "u4,old,gold", "u5,55", "u6,66,gold"));
    Files.write(folder.resolve("b.csv"), List.of(USERS_HEADER, ",20,gold", "u8,20,silver"));
    JsonNode rows = importJob(users, "bad-rows", folder + "/", "FULL");
    assertThat(rows.get("status").asText(), equalTo("CREATE FAILED"));
    String a = folder.resolve("a.csv").toString();
    String b = folder.resolve("b.csv").toString();
    assertThat(rows.get("failureReason").asText(), equalTo("Found 3 problems in the 6 rows read at "
        + "dataSource.dataLocation " + folder + "/ (a file whose header is wrong is one problem, and its rows are "
        + "not read), so nothing was imported into " + users + ". First problems: " + a + ":3: AGE: \"old\" is not "
        + "an int; " + a + ":4: MEMBERSHIP: the row has 2 values, the schema has 3 fields; " + b + ":2: USER_ID: is "
        + "empty, but the field is not nullable. Fix them and import again."));

    Path missing = work.resolve("nothing-here.csv");
    JsonNode none = importJob(users, "no-file", missing.toString(), "FULL");
    assertThat(none.get("failureReason").asText(), equalTo("No CSV files found at dataSource.dataLocation "
        + missing + ". Give a CSV file, or a folder ending in / that holds them."));

    assertThat(exportUsers(group, "unchanged", "ALL"), containsInAnyOrder("u1,30,gold", "u2,40,silver"));
  }

  @Test
  void requestsThatCannotRunAreAwsErrorsNamingTheField() throws IOException {
    String group = createGroup("errors");
    String users = ARN + "dataset/" + group + "/USERS";
    Path file = write("users.csv", USERS_HEADER, "u1,30,gold");
    CliRun.run(home, "create-dataset-import-job", "--job-name", "first", "--dataset-arn", users,
        "--data-source", "{\"dataLocation\": \"" + file + "\"}", "--import-mode", "INCREMENTAL")
        .assertApiError("InvalidInputException",
            "importMode INCREMENTAL adds to bulk records imported before, and dataset "
            + users + " has none yet: its first import must be FULL.");
    CliRun.run(home, "create-dataset-import-job", "--job-name", "bad mode", "--dataset-arn", users,
        "--data-source", "{\"dataLocation\": \"" + file + "\"}", "--import-mode", "APPEND")
        .assertApiError("InvalidInputException",
            "2 validation errors detected: Value 'bad mode' at 'jobName' failed to satisfy "
            + "constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*; Value "
            + "'APPEND' at 'importMode' failed to satisfy constraint: Member must satisfy enum value set: "
            + "[FULL, INCREMENTAL]");
    CliRun.run(home, "create-dataset-import-job", "--job-name", "elsewhere", "--dataset-arn",
        ARN + "dataset/" + group + "/ACTIONS", "--data-source", "{\"dataLocation\": \"" + file + "\"}")
        .assertApiError("ResourceNotFoundException",
            "Could not find datasetArn " + ARN + "dataset/" + group + "/ACTIONS: no dataset "
            + "with that ARN was created or declared.");
    CliRun.run(home, "create-dataset-export-job", "--job-name", "no-role", "--dataset-arn", users,
        "--ingestion-mode", "SOME", "--job-output", "{\"s3DataDestination\": {}}")
        .assertApiError("InvalidInputException",
            "3 validation errors detected: Value 'SOME' at 'ingestionMode' failed to satisfy "
            + "constraint: Member must satisfy enum value set: [BULK, PUT, ALL]; Value null at 'roleArn' failed to "
            + "satisfy constraint: Member must not be null; Value null at 'jobOutput.s3DataDestination.path' failed "
            + "to satisfy constraint: Member must not be null");
    CliRun.run(home, "describe-dataset-import-job", "--dataset-import-job-arn",
        ARN + "dataset-import-job/never")
        .assertApiError("ResourceNotFoundException",
            "Could not find datasetImportJobArn " + ARN + "dataset-import-job/never.");
    CliRun.run(home, "describe-dataset-export-job", "--dataset-export-job-arn", "export-1")
        .assertApiError("InvalidInputException",
            "1 validation error detected: Value 'export-1' at 'datasetExportJobArn' failed to "
            + "satisfy constraint: Member must satisfy regular expression pattern: "
            + "arn:([a-z\\d-]+):personalize:.*:.*:.+");
    CliRun.run(home, "list-dataset-export-jobs", "--next-token", "forged")
        .assertApiError("InvalidNextTokenException",
            "The nextToken is not valid for this request.");

    // Datasets: a schema that does not fit the type, a second dataset of one type, a declared group.
    CliRun.run(home, "create-dataset", "--name", "wrong-schema", "--dataset-group-arn",
        ARN + "dataset-group/" + group, "--dataset-type", "Interactions", "--schema-arn", ARN + "schema/" + group
            + "-users")
        .assertApiError("InvalidInputException",
            "The schema does not fit an Interactions dataset: schema " + ARN
            + "schema/" + group + "-users: ITEM_ID: an Interactions schema needs this field");
    CliRun.run(home, "create-dataset", "--name", "again", "--dataset-group-arn",
        ARN + "dataset-group/" + group, "--dataset-type", "Users", "--schema-arn", ARN + "schema/" + group + "-users")
        .assertApiError("ResourceAlreadyExistsException",
            "The dataset group " + ARN + "dataset-group/" + group + " already has a "
            + "Users dataset: " + users + ".");
    CliRun.run(home, "create-dataset", "--name", "declared", "--dataset-group-arn",
        ARN + "dataset-group/sample", "--dataset-type", "Users", "--schema-arn", ARN + "schema/" + group + "-users")
        .assertApiError("InvalidInputException",
            "The dataset group " + ARN + "dataset-group/sample is declared in the dataset group "
            + "declarations, which name its files; create a dataset group to make datasets in it.");
  }

  @Test
  void putRecordsAreCheckedLikeImportedRowsAndExportAsPut() throws IOException {
    String group = createGroup("puts");
    String users = ARN + "dataset/" + group + "/USERS";
    CliRun.run(home, "put-users", "--dataset-arn", users, "--users",
        "[{\"userId\": \"u1\", \"properties\": \"{\\\"age\\\": \\\"old\\\", \\\"membership\\\": \\\"gold\\\"}\"}]")
        .assertApiError("InvalidInputException",
            "users.1: AGE: \"old\" is not an int");
    CliRun.run(home, "put-users", "--dataset-arn", users, "--users",
        "[{\"userId\": \"u1\", \"properties\": \"{\\\"height\\\": 180}\"}]")
        .assertApiError("InvalidInputException",
            "users.1.properties: \"height\" is not a field of the Users schema; its fields are "
            + USERS_HEADER);
    CliRun.run(home, "put-items", "--dataset-arn", users, "--items", "[{\"itemId\": \"i1\"}]")
        .assertApiError("InvalidInputException",
            "datasetArn " + users + " is a Users dataset; this operation puts Items.");
    CliRun.run(home, "put-users", "--dataset-arn", users, "--users", "[]")
        .assertApiError("InvalidInputException",
            "1 validation error detected: Value 0 at 'users' failed to satisfy constraint: "
            + "Member must have value greater than or equal to 1");

    CliRun tracker = CliRun.run(home, "create-event-tracker", "--name", "puts-tracker", "--dataset-group-arn",
        ARN + "dataset-group/" + group);
    assertThat(tracker.err(), tracker.exitCode(), equalTo(0));
    String trackingId = JSON.readTree(tracker.out()).get("trackingId").asText();
    JsonNode described = JSON.readTree(CliRun.run(home, "describe-event-tracker", "--event-tracker-arn",
        ARN + "event-tracker/puts-tracker").out()).get("eventTracker");
    assertThat(CliRun.fieldNames(described), equalTo(List.of("accountId", "creationDateTime", "datasetGroupArn",
        "eventTrackerArn", "lastUpdatedDateTime", "name", "status", "trackingId")));
    assertThat(described.get("trackingId").asText(), equalTo(trackingId));
    JsonNode trackers = JSON.readTree(CliRun.run(home, "list-event-trackers", "--dataset-group-arn",
        ARN + "dataset-group/" + group).out()).get("eventTrackers");
    assertThat(trackers.size(), equalTo(1));
    assertThat(CliRun.fieldNames(trackers.get(0)), equalTo(List.of("creationDateTime", "eventTrackerArn",
        "lastUpdatedDateTime", "name", "status")));
    CliRun events = CliRun.run(home, "put-events", "--tracking-id", trackingId, "--user-id", "u1", "--session-id",
        "s1", "--event-list", "[{\"eventType\": \"click\", \"itemId\": \"i9\", \"sentAt\": 1700000100.75}, "
            + "{\"eventType\": \"watch\", \"itemId\": \"i8\", \"eventValue\": 3.5, \"sentAt\": 1700000200}, "
            + "{\"eventType\": \"click\", \"itemId\": \"i7\", \"sentAt\": \"2023-11-14T22:16:40Z\"}]");
    assertThat(events.err(), events.exitCode(), equalTo(0));
    assertThat(events.out(), equalTo(""));
    String interactions = ARN + "dataset/" + group + "/INTERACTIONS";
    assertThat(exportJob(interactions, "put-events", null, null).get("ingestionMode").asText(), equalTo("PUT"));
    assertThat(exportedRows("put-events", "USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP"),
        containsInAnyOrder("u1,i9,click,,1700000100", "u1,i8,watch,3.5,1700000200", "u1,i7,click,,1700000200"));
    CliRun.run(home, "put-events", "--tracking-id", trackingId, "--session-id", "s1", "--user-id", "u1",
        "--event-list", "[{\"eventType\": \"click\", \"itemId\": \"i9\", \"sentAt\": \"yesterday\"}]")
        .assertApiError("InvalidInputException", "1 validation error detected: Value 'yesterday' at "
            + "'eventList.1.member.sentAt' failed to satisfy constraint: Member must be a timestamp: epoch seconds or "
            + "ISO 8601 text such as 2026-11-26T09:30:00Z");
    assertThat(exportJob(interactions, "no-bulk", "BULK", null).get("status").asText(), equalTo("ACTIVE"));
    assertThat(exportedRows("no-bulk", "USER_ID,ITEM_ID,EVENT_TYPE,EVENT_VALUE,TIMESTAMP"), equalTo(List.of()));
  }

  @Test
  void describeAndListPrintEveryFieldOfTheApiShapes() throws IOException {
    String group = createGroup("shapes");
    String users = ARN + "dataset/" + group + "/USERS";
    JsonNode failedImport = importJob(users, "shape-import", work.resolve("none.csv").toString(), "FULL");
    assertThat(CliRun.fieldNames(failedImport), equalTo(members("DatasetImportJob")));
    importUsers(group, "shape-import-2", "FULL", "u1,30,gold");

    Path blocker = write("blocker", "a file where the export's folder would go");
    JsonNode failedExport = exportJob(users, "shape-export", "ALL", blocker + "/exports/");
    assertThat(failedExport.get("status").asText(), equalTo("CREATE FAILED"));
    assertThat(CliRun.fieldNames(failedExport), equalTo(members("DatasetExportJob")));
    JsonNode export = exportJob(users, "shape-export-2", "ALL", null);
    List<String> active = new ArrayList<>(members("DatasetExportJob"));
    active.remove("failureReason");
    assertThat(CliRun.fieldNames(export), equalTo(active));
    assertThat(export.get("jobOutput").get("s3DataDestination").get("path").asText(),
        equalTo(work.resolve("exports") + "/"));

    List<String> importNames = new ArrayList<>();
    String token = null;
    do {
      List<String> args = new ArrayList<>(List.of("list-dataset-import-jobs", "--dataset-arn", users,
          "--max-results", "1"));
      if (token != null) {
        args.addAll(List.of("--next-token", token));
      }
      JsonNode page = JSON.readTree(CliRun.run(home, args.toArray(String[]::new)).out());
      assertThat(page.get("datasetImportJobs").size(), equalTo(1));
      JsonNode summary = page.get("datasetImportJobs").get(0);
      List<String> summaryMembers = new ArrayList<>(members("DatasetImportJobSummary"));
      if (!summary.has("failureReason")) {
        summaryMembers.remove("failureReason");
      }
      assertThat(CliRun.fieldNames(summary), equalTo(summaryMembers));
      importNames.add(summary.get("jobName").asText());
      token = page.has("nextToken") ? page.get("nextToken").asText() : null;
    } while (token != null);
    assertThat(importNames, equalTo(List.of("shape-import-2", "shape-import")));

    JsonNode exports = JSON.readTree(CliRun.run(home, "list-dataset-export-jobs").out());
    assertThat(exports.has("nextToken"), equalTo(false));
    assertThat(CliRun.fieldNames(exports.get("datasetExportJobs").get(1)), equalTo(members("DatasetExportJobSummary")));

    JsonNode dataset = JSON.readTree(CliRun.run(home, "describe-dataset", "--dataset-arn", users).out())
        .get("dataset");
    assertThat(CliRun.fieldNames(dataset), equalTo(List.of("creationDateTime", "datasetArn", "datasetGroupArn",
        "datasetType", "lastUpdatedDateTime", "name", "schemaArn", "status")));
    assertThat(dataset.get("datasetType").asText(), equalTo("Users"));
  }

  @Test
  void schemasGroupsAndDatasetsDescribeAndListInTheApiShapes() throws IOException {
    createGroup("listed-a");
    createGroup("listed-b");
    JsonNode schema = JSON.readTree(CliRun.run(home, "describe-schema", "--schema-arn",
        ARN + "schema/listed-a-users").out()).get("schema");
    assertThat(CliRun.fieldNames(schema), equalTo(List.of("creationDateTime", "lastUpdatedDateTime", "name", "schema",
        "schemaArn")));
    assertThat(schema.get("schema").asText(),
        equalTo(Files.readString(Path.of("sample-data", "datasets", "users-schema.json"))));
    JsonNode schemas = JSON.readTree(CliRun.run(home, "list-schemas", "--max-results", "4").out());
    assertThat(schemas.get("schemas").size(), equalTo(4));
    JsonNode rest = JSON.readTree(CliRun.run(home, "list-schemas", "--next-token",
        schemas.get("nextToken").asText()).out());
    assertThat(rest.get("schemas").size(), equalTo(2));
    assertThat(rest.has("nextToken"), equalTo(false));

    JsonNode group = JSON.readTree(CliRun.run(home, "describe-dataset-group", "--dataset-group-arn",
        ARN + "dataset-group/listed-b").out()).get("datasetGroup");
    assertThat(CliRun.fieldNames(group), equalTo(List.of("creationDateTime", "datasetGroupArn", "lastUpdatedDateTime",
        "name", "status")));
    JsonNode groups = JSON.readTree(CliRun.run(home, "list-dataset-groups").out()).get("datasetGroups");
    assertThat(groups.get(0).get("name").asText(), equalTo("listed-b"));
    assertThat(groups.get(1).get("name").asText(), equalTo("listed-a"));

    JsonNode datasets = JSON.readTree(CliRun.run(home, "list-datasets", "--dataset-group-arn",
        ARN + "dataset-group/listed-a").out()).get("datasets");
    List<String> arns = new ArrayList<>();
    datasets.forEach(dataset -> arns.add(dataset.get("datasetArn").asText()));
    assertThat(arns, containsInAnyOrder(ARN + "dataset/listed-a/INTERACTIONS", ARN + "dataset/listed-a/USERS",
        ARN + "dataset/listed-a/ITEMS"));
    assertThat(CliRun.fieldNames(datasets.get(0)), equalTo(List.of("creationDateTime", "datasetArn", "datasetType",
        "lastUpdatedDateTime", "name", "status")));
    CliRun.run(home, "describe-dataset-group", "--dataset-group-arn", ARN + "dataset-group/sample")
        .assertApiError("ResourceNotFoundException", "Could not find datasetGroupArn " + ARN
            + "dataset-group/sample.");
  }

  @Test
  void declaredDatasetsExportTheirFilesAndRefuseImports() throws IOException {
    String declared = ARN + "dataset/sample/USERS";
    JsonNode job = exportJob(declared, "declared-users", "BULK", null);
    assertThat(job.path("failureReason").asText(), job.get("status").asText(), equalTo("ACTIVE"));
    List<String> sample = Files.readAllLines(Path.of("sample-data", "datasets", "users.csv"));
    assertThat(exportedRows("declared-users", USERS_HEADER),
        containsInAnyOrder(sample.subList(1, sample.size()).toArray()));
    exportJob(declared, "declared-put", "PUT", null);
    assertThat(exportedRows("declared-put", USERS_HEADER), equalTo(List.of()));

    JsonNode dataset = JSON.readTree(CliRun.run(home, "describe-dataset", "--dataset-arn", declared).out())
        .get("dataset");
    assertThat(dataset.get("datasetGroupArn").asText(), equalTo(ARN + "dataset-group/sample"));
    assertThat(dataset.get("datasetType").asText(), equalTo("Users"));
    CliRun.run(home, "create-dataset-import-job", "--job-name", "into-declared", "--dataset-arn", declared,
        "--data-source", "{\"dataLocation\": \"sample-data/datasets/users.csv\"}")
        .assertApiError("InvalidInputException", "datasetArn " + declared + " is declared in the dataset group "
            + "declarations, which name its files: it is read-only. Create a dataset group and datasets to import "
            + "into.");
  }

  /** Creates a dataset group with Interactions, Users and Items datasets of the sample schemas; returns its name. */
  private String createGroup(String name) throws IOException {
    for (String type : List.of("interactions", "users", "items")) {
      CliRun schema = CliRun.run(home, "create-schema", "--name", name + "-" + type, "--schema",
          "file://sample-data/datasets/" + type + "-schema.json");
      assertThat(schema.err(), schema.exitCode(), equalTo(0));
    }
    CliRun created = CliRun.run(home, "create-dataset-group", "--name", name);
    assertThat(created.err(), created.exitCode(), equalTo(0));
    assertThat(created.out(), equalTo("{\n    \"datasetGroupArn\": \"" + ARN + "dataset-group/" + name + "\"\n}\n"));
    for (String type : List.of("Interactions", "Users", "Items")) {
      CliRun dataset = CliRun.run(home, "create-dataset", "--name", name + "-" + type, "--dataset-group-arn",
          ARN + "dataset-group/" + name, "--dataset-type", type, "--schema-arn",
          ARN + "schema/" + name + "-" + type.toLowerCase());
      assertThat(dataset.err(), dataset.exitCode(), equalTo(0));
      assertThat(JSON.readTree(dataset.out()).get("datasetArn").asText(),
          equalTo(ARN + "dataset/" + name + "/" + type.toUpperCase()));
    }
    return name;
  }

  private JsonNode importJob(String group, String type, String jobName, String location, String mode)
      throws IOException {
    return importJob(ARN + "dataset/" + group + "/" + type.toUpperCase(), jobName, location, mode);
  }

  /** Runs an import job and returns what describe prints of it. */
  private JsonNode importJob(String datasetArn, String jobName, String location, String mode) throws IOException {
    CliRun run = CliRun.run(home, "create-dataset-import-job", "--job-name", jobName, "--dataset-arn", datasetArn,
        "--data-source", "{\"dataLocation\": \"" + location + "\"}", "--import-mode", mode, "--role-arn", ROLE);
    assertThat(run.err(), run.exitCode(), equalTo(run.err().contains(": ACTIVE") ? 0 : 1));
    JsonNode described = JSON.readTree(CliRun.run(home, "describe-dataset-import-job", "--dataset-import-job-arn",
        ARN + "dataset-import-job/" + jobName).out()).get("datasetImportJob");
    assertThat(described.get("jobName").asText(), equalTo(jobName));
    return described;
  }

  private void importUsers(String group, String jobName, String mode, String... rows) throws IOException {
    // A byte order mark, as spreadsheets write, before the header: imports read past it.
    List<String> lines = new ArrayList<>(List.of("\uFEFF" + USERS_HEADER));
    lines.addAll(List.of(rows));
    Path file = write(jobName + ".csv", lines.toArray(String[]::new));
    JsonNode job = importJob(group, "users", jobName, file.toString(), mode);
    assertThat(job.path("failureReason").asText(), job.get("status").asText(), equalTo("ACTIVE"));
  }

  private void putUsers(String group, String... users) {
    CliRun run = CliRun.run(home, "put-users", "--dataset-arn", ARN + "dataset/" + group + "/USERS", "--users",
        "[" + String.join(", ", users) + "]");
    assertThat(run.err(), run.exitCode(), equalTo(0));
  }

  /** Runs an export job to {@code path} (by default {@code work/exports/}) and returns what describe prints of it. */
  private JsonNode exportJob(String datasetArn, String jobName, String mode, String path) throws IOException {
    String destination = path != null ? path : work.resolve("exports") + "/";
    List<String> args = new ArrayList<>(List.of("create-dataset-export-job", "--job-name", jobName, "--dataset-arn",
        datasetArn, "--role-arn", ROLE, "--job-output",
        "{\"s3DataDestination\": {\"path\": \"" + destination + "\"}}"));
    if (mode != null) {
      args.addAll(List.of("--ingestion-mode", mode));
    }
    CliRun.run(home, args.toArray(String[]::new));
    return JSON.readTree(CliRun.run(home, "describe-dataset-export-job", "--dataset-export-job-arn",
        ARN + "dataset-export-job/" + jobName).out()).get("datasetExportJob");
  }

  private List<String> exportUsers(String group, String jobName, String mode) throws IOException {
    JsonNode job = exportJob(ARN + "dataset/" + group + "/USERS", jobName, mode, null);
    assertThat(job.path("failureReason").asText(), job.get("status").asText(), equalTo("ACTIVE"));
    return exportedRows(jobName, USERS_HEADER);
  }

  /** The rows of an export job's files, each of which must start with the header. */
  private List<String> exportedRows(String jobName, String header) throws IOException {
    List<String> rows = new ArrayList<>();
    try (Stream<Path> files = Files.list(work.resolve("exports").resolve(jobName))) {
      List<Path> parts = files.sorted().toList();
      assertThat(parts.stream().map(part -> part.getFileName().toString()).toList(), everyItem(startsWith("part-")));
      for (Path part : parts) {
        List<String> lines = Files.readAllLines(part);
        assertThat(part.toString(), lines.get(0), equalTo(header));
        rows.addAll(lines.subList(1, lines.size()));
      }
    }
    return rows;
  }

  private Path write(String name, String... lines) throws IOException {
    return Files.write(work.resolve(name), List.of(lines));
  }



  /** A shape's members as the API model lists them, in the alphabetical order describe prints them. */
  private static List<String> members(String shape) {
    return CliRun.fieldNames(shapes.get(shape).get("members")).stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
  }
}
