package io.segmentbeam.api;

import java.util.List;

/**
 * What local training takes: the members of CreateSolution that say what to train ({@code name},
 * {@code performHPO}, {@code recipeArn}, {@code eventType}, {@code solutionConfig}, {@code tags}) and CreateSolutionVersion's
 * {@code trainingMode}, in one request, since locally a solution exists only to be trained. Local
 * extensions say what it is trained on: {@code datasetGroupArn}, a dataset group's current records
 * (as Personalize's CreateSolution names one), or {@code datasets}, files where they lie; and
 * {@code modelLocation} says where the trained model is written (by default under the home folder).
 */
public record TrainSolutionVersionRequest(
    String name,
    Boolean performHPO,
    String recipeArn,
    String eventType,
    SolutionConfig solutionConfig,
    String trainingMode,
    List<Tag> tags,
    String datasetGroupArn,
    TrainingDatasets datasets,
    String modelLocation) {

  /** The same request trained on these datasets: what a {@code datasetGroupArn} resolves to. */
  public TrainSolutionVersionRequest withDatasets(TrainingDatasets resolved) {
    return new TrainSolutionVersionRequest(name, performHPO, recipeArn, eventType, solutionConfig, trainingMode, tags,
        datasetGroupArn, resolved, modelLocation);
  }

  /** Checks every member; throws InvalidInputException naming each bad one. */
  public void validate() {
    Violations violations = new Violations();
    violations.string("name", name, ApiRules.NAME, true);
    violations.string("recipeArn", recipeArn, ApiRules.ARN, true);
    if (recipeArn != null && Recipe.fromArn(recipeArn).isEmpty()) {
      violations.add("recipeArn", recipeArn, "Member must be a recipe that makes user segments: "
          + String.join(", ", Recipe.arns()));
    }
    violations.string("eventType", eventType, ApiRules.EVENT_TYPE, false);
    if (solutionConfig != null) {
      solutionConfig.validate(violations);
    }
    if (trainingMode != null && !ApiRules.TRAINING_MODES.contains(trainingMode)) {
      violations.add("trainingMode", trainingMode,
          "Member must satisfy enum value set: " + ApiRules.TRAINING_MODES);
    } else if (trainingMode != null && !trainingMode.equals("FULL")) {
      violations.add("trainingMode", trainingMode,
          "Only FULL training is available locally: every solution version is trained from all of its data");
    }
    Tag.validateAll(tags, violations);
    violations.string("datasetGroupArn", datasetGroupArn, ApiRules.ARN, false);
    if (datasets == null) {
      violations.notNull("datasets");
    } else {
      datasets.validate(Recipe.fromArn(recipeArn).map(Recipe::answersAttributes).orElse(false), violations);
    }
    violations.dataLocation("modelLocation", modelLocation, false);
    violations.throwIfAny();
  }
}
