package io.segmentbeam.api;

import java.util.List;

/**
 * The CreateSolution request: what to train (a USER_SEGMENTATION recipe, its hyperparameters as
 * {@code solutionConfig.algorithmHyperParameters}, an event type) on which dataset group, with or
 * without hyperparameter optimization. AutoML (which picks USER_PERSONALIZATION recipes) and
 * incremental updates (semantic-similarity only) are refused, as the recipes do not support them;
 * automatic training (AWS's default) is recorded, and versions are trained when asked for.
 */
public record CreateSolutionRequest(String name, Boolean performHPO, Boolean performAutoML,
    Boolean performAutoTraining, Boolean performIncrementalUpdate, String recipeArn, String datasetGroupArn,
    String eventType, SolutionConfig solutionConfig, List<Tag> tags) {

  public void validate() {
    Violations violations = new Violations()
        .string("name", name, ApiRules.NAME, true)
        .string("datasetGroupArn", datasetGroupArn, ApiRules.ARN, true)
        .string("recipeArn", recipeArn, ApiRules.ARN, false)
        .string("eventType", eventType, ApiRules.EVENT_TYPE, false);
    if (recipeArn == null && name != null) {
      violations.notNull("recipeArn");
    } else if (recipeArn != null && ApiRules.ARN.accepts(recipeArn) && Recipe.fromArn(recipeArn).isEmpty()) {
      violations.add("recipeArn", recipeArn, "Member must be a recipe that makes user segments: "
          + String.join(", ", Recipe.arns()));
    }
    refuse(violations, "performAutoML", performAutoML, "AutoML selects among USER_PERSONALIZATION recipes; a "
        + "segment solution names its recipe in recipeArn");
    refuse(violations, "performIncrementalUpdate", performIncrementalUpdate, "Incremental updates are supported "
        + "only for solutions that use the semantic-similarity recipe");
    if (solutionConfig != null) {
      solutionConfig.validate(violations);
    }
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }

  private static void refuse(Violations violations, String field, Boolean asked, String reason) {
    if (Boolean.TRUE.equals(asked)) {
      violations.add(field, true, "Member must be false: " + reason);
    }
  }
}
