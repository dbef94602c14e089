package io.segmentbeam.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CreateSolution's members, SolutionConfig's whole shape among them: each broken rule names its member. */
class SolutionRequestValidationTest {
  private static final String GROUP = "arn:aws:personalize:us-east-1:123456789012:dataset-group/g";

  private static CreateSolutionRequest request(String members) {
    return ApiJson.readRequest("{\"name\": \"s\", \"recipeArn\": \"arn:aws:personalize:::recipe/aws-item-affinity\", "
        + "\"datasetGroupArn\": \"" + GROUP + "\"" + (members.isEmpty() ? "" : ", " + members) + "}",
        CreateSolutionRequest.class);
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        Arguments.of("\"performAutoML\": true", "Value true at 'performAutoML' failed to satisfy constraint: Member "
            + "must be false: AutoML selects among USER_PERSONALIZATION recipes; a segment solution names its recipe "
            + "in recipeArn"),
        Arguments.of("\"performIncrementalUpdate\": true", "Value true at 'performIncrementalUpdate' failed to "
            + "satisfy constraint: Member must be false: Incremental updates are supported only for solutions that "
            + "use the semantic-similarity recipe"),
        Arguments.of("\"solutionConfig\": {\"autoTrainingConfig\": {\"schedulingExpression\": \"weekly\"}}",
            "Value 'weekly' at 'solutionConfig.autoTrainingConfig.schedulingExpression' failed to satisfy "
                + "constraint: Member must satisfy regular expression pattern: rate\\(\\d+ days?\\)"),
        Arguments.of("\"solutionConfig\": {\"eventsConfig\": {\"eventParametersList\": [{\"eventType\": \"click\", "
            + "\"weight\": 2.0}]}}", "Value 2.0 at 'solutionConfig.eventsConfig.eventParametersList.member.weight' "
            + "failed to satisfy constraint: Member must have value between 0 and 1"),
        Arguments.of("\"solutionConfig\": {\"optimizationObjective\": {\"objectiveSensitivity\": \"MAX\"}}",
            "Value 'MAX' at 'solutionConfig.optimizationObjective.objectiveSensitivity' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [LOW, MEDIUM, HIGH, OFF]"),
        Arguments.of("\"solutionConfig\": {\"trainingDataConfig\": {\"excludedDatasetColumns\": "
            + "{\"Interactions\": [\"EVENT VALUE\"]}}}", "Value 'EVENT VALUE' at "
            + "'solutionConfig.trainingDataConfig.excludedDatasetColumns.Interactions.member' failed to satisfy "
            + "constraint: Member must satisfy regular expression pattern: [A-Za-z_][A-Za-z\\d_]*"),
        Arguments.of("\"solutionConfig\": {\"autoMLConfig\": {\"recipeList\": [\"recipe/x\"]}}",
            "Value 'recipe/x' at 'solutionConfig.autoMLConfig.recipeList.member' failed to satisfy constraint: "
                + "Member must satisfy regular expression pattern: arn:([a-z\\d-]+):personalize:.*:.*:.+"));
  }

  @ParameterizedTest
  @MethodSource("brokenRules")
  void aBrokenRuleNamesItsMember(String members, String violation) {
    InvalidInputException refused = assertThrows(InvalidInputException.class, () -> request(members).validate());
    assertThat(refused.getMessage(), equalTo("1 validation error detected: " + violation));
  }

  @Test
  void awsDefaultsAndEveryConfigMemberAreAccepted() {
    assertDoesNotThrow(() -> request("""
        "performHPO": false, "performAutoML": false, "performAutoTraining": true, "performIncrementalUpdate": false,
        "solutionConfig": {"eventValueThreshold": "2",
          "hpoConfig": {"hpoObjective": {"type": "Maximize", "metricName": "precision_at_25", "metricRegex": ""},
            "hpoResourceConfig": {"maxNumberOfTrainingJobs": "4", "maxParallelTrainingJobs": "2"},
            "algorithmHyperParameterRanges": {
              "integerHyperParameterRanges": [{"name": "factors", "minValue": 8, "maxValue": 32}],
              "continuousHyperParameterRanges": [{"name": "alpha", "minValue": 0.5, "maxValue": 4.0}],
              "categoricalHyperParameterRanges": [{"name": "model", "values": ["als"]}]}},
          "algorithmHyperParameters": {"factors": "16"},
          "featureTransformationParameters": {"max_user_history_length_percentile": "0.99"},
          "autoMLConfig": {"metricName": "precision_at_25", "recipeList": ["arn:aws:personalize:::recipe/aws-item-affinity"]},
          "eventsConfig": {"eventParametersList": [{"eventType": "click", "eventValueThreshold": 1.0, "weight": 0.5}]},
          "optimizationObjective": {"itemAttribute": "PRICE", "objectiveSensitivity": "LOW"},
          "trainingDataConfig": {"excludedDatasetColumns": {"Users": ["AGE"]}},
          "autoTrainingConfig": {"schedulingExpression": "rate(1 day)"}}
        """).validate());
  }
}
