package io.segmentbeam.api;

import java.util.List;

/** The ListRecipes request. */
public record ListRecipesRequest(String recipeProvider, String nextToken, Integer maxResults, String domain)
    implements ListRequest {

  public void validate() {
    validate("recipeArn", null);
    new Violations().oneOf("recipeProvider", recipeProvider, List.of("SERVICE"))
        .oneOf("domain", domain, ApiRules.DOMAINS).throwIfAny();
  }
}
