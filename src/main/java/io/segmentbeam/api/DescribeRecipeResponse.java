package io.segmentbeam.api;

/** The DescribeRecipe response. */
public record DescribeRecipeResponse(RecipeDescription recipe) {}
