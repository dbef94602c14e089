package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dataset types the API model allows besides the three segment models use: Actions and Action_Interactions. */
class ActionDatasetsCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String A = "arn:aws:personalize:us-east-1:123456789012:";
  static final String ROLE = "arn:aws:iam::123456789012:role/PersonalizeRole";

  @TempDir Path work;

  @Test
  void actionDatasetsAreCreatedImportedAndDescribedAndTheirSchemasChecked() throws Exception {
    Path home = work.resolve("home");
    assertThat(CliRun.run(home, "create-dataset-group", "--name", "actions").exitCode(), equalTo(0));
    Path actionsSchema = Files.writeString(work.resolve("actions-schema.json"), """
        {"type": "record", "name": "Actions", "namespace": "com.amazonaws.personalize.schema",
         "fields": [{"name": "ACTION_ID", "type": "string"}, {"name": "VALUE", "type": "float"}], "version": "1.0"}
        """);
    assertThat(CliRun.run(home, "create-schema", "--name", "actions", "--schema", "file://" + actionsSchema)
        .exitCode(), equalTo(0));
    CliRun created = CliRun.run(home, "create-dataset", "--name", "actions", "--dataset-group-arn",
        A + "dataset-group/actions", "--dataset-type", "Actions", "--schema-arn", A + "schema/actions");
    assertThat(created.err(), created.exitCode(), equalTo(0));
    assertThat(JSON.readTree(created.out()).get("datasetArn").asText(), equalTo(A + "dataset/actions/ACTIONS"));

    Path csv = Files.writeString(work.resolve("actions.csv"), "ACTION_ID,VALUE\nrenew,1.5\nupgrade,9.0\n");
    CliRun imported = CliRun.run(home, "create-dataset-import-job", "--job-name", "actions",
        "--dataset-arn", A + "dataset/actions/ACTIONS", "--role-arn", ROLE,
        "--data-source", "{\"dataLocation\": \"" + csv + "\"}");
    assertThat(imported.err(), imported.exitCode(), equalTo(0));
    JsonNode dataset = JSON.readTree(CliRun.run(home, "describe-dataset", "--dataset-arn",
        A + "dataset/actions/ACTIONS").out()).get("dataset");
    assertThat(dataset.get("datasetType").asText(), equalTo("Actions"));

    Path noEventType = Files.writeString(work.resolve("action-interactions-schema.json"), """
        {"type": "record", "name": "Action_Interactions", "namespace": "com.amazonaws.personalize.schema",
         "fields": [{"name": "USER_ID", "type": "string"}, {"name": "ACTION_ID", "type": "string"},
                    {"name": "TIMESTAMP", "type": "long"}], "version": "1.0"}
        """);
    assertThat(CliRun.run(home, "create-schema", "--name", "action-interactions", "--schema",
        "file://" + noEventType).exitCode(), equalTo(0));
    CliRun refused = CliRun.run(home, "create-dataset", "--name", "action-interactions", "--dataset-group-arn",
        A + "dataset-group/actions", "--dataset-type", "action_interactions", "--schema-arn",
        A + "schema/action-interactions");
    assertThat(refused.exitCode(), equalTo(254));
    assertThat(refused.errorType(), equalTo("InvalidInputException"));
    assertThat(refused.errorMessage(), containsString("EVENT_TYPE"));

    CliRun unknownType = CliRun.run(home, "create-dataset", "--name", "other", "--dataset-group-arn",
        A + "dataset-group/actions", "--dataset-type", "Recommendations", "--schema-arn", A + "schema/actions");
    unknownType.assertApiError("InvalidInputException", "1 validation error detected: Value 'Recommendations' at "
        + "'datasetType' failed to satisfy constraint: Member must be one of [Interactions, Users, Items, Actions, "
        + "Action_Interactions] (case insensitive)");
  }
}
