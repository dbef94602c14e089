package io.segmentbeam.api;

/** The DescribeRecipe request. */
public record DescribeRecipeRequest(String recipeArn) {

  public void validate() {
    new Violations().string("recipeArn", recipeArn, ApiRules.ARN, true).throwIfAny();
  }
}
