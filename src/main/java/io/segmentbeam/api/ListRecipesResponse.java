package io.segmentbeam.api;

import java.util.List;

/** The ListRecipes response; nextToken is left out on the last page. */
public record ListRecipesResponse(List<RecipeSummary> recipes, String nextToken) {}
