package io.segmentbeam.api;

/**
 * A recipe as DescribeRecipe returns it (the API's Recipe shape). Members SegmentBeam has no value
 * for (algorithm and feature transformation ARNs, dates) are left out, as absent members are.
 */
public record RecipeDescription(String name, String recipeArn, String status, String description,
    String recipeType) {

  public static RecipeDescription of(Recipe recipe) {
    return new RecipeDescription(recipe.recipeName(), recipe.arn(), JobStatus.ACTIVE,
        recipe.isLocal() ? recipe.description() : recipe.description() + " SegmentBeam trains it as "
            + "solutionConfig.algorithmHyperParameters.model says: als (the default), item-cooccurrence or popularity.",
        Recipe.TYPE);
  }

  public RecipeSummary summary() {
    return new RecipeSummary(name, recipeArn, status);
  }
}
