package io.segmentbeam.api;

/** A recipe as ListRecipes lists it. */
public record RecipeSummary(String name, String recipeArn, String status) {}
