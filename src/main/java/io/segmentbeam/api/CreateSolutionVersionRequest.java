package io.segmentbeam.api;

import java.util.List;

/** AWS's CreateSolutionVersion request: train a new version of a solution, FULL as the recipes allow. */
public record CreateSolutionVersionRequest(String name, String solutionArn, String trainingMode, List<Tag> tags) {

  public void validate() {
    Violations violations = new Violations()
        .string("name", name, ApiRules.NAME, false)
        .string("solutionArn", solutionArn, ApiRules.ARN, true);
    if (trainingMode != null && !ApiRules.TRAINING_MODES.contains(trainingMode)) {
      violations.add("trainingMode", trainingMode, "Member must satisfy enum value set: " + ApiRules.TRAINING_MODES);
    } else if (trainingMode != null && !trainingMode.equals("FULL")) {
      violations.add("trainingMode", trainingMode, "The user segmentation recipes support only FULL training: "
          + "every solution version is trained from all of its data");
    }
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }

  public String effectiveTrainingMode() {
    return trainingMode == null ? "FULL" : trainingMode;
  }
}
