package io.segmentbeam.cli;

import io.segmentbeam.api.ListRecipesRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-recipes", description = "Prints one page of {\"recipes\": [...], \"nextToken\": ...}: the "
    + "USER_SEGMENTATION recipes, which make segment models.")
final class ListRecipesCommand extends ReadCommand {
  @Option(names = "--recipe-provider", paramLabel = "PROVIDER", description = "SERVICE, the only one.")
  String recipeProvider;
  @Option(names = "--domain", paramLabel = "DOMAIN",
      description = "ECOMMERCE or VIDEO_ON_DEMAND: the recipes of a domain (none make segments).")
  String domain;
  @Mixin PageOptions page;

  @Override
  Object response() {
    return service.solutions().listRecipes(new ListRecipesRequest(recipeProvider, page.nextToken, page.maxResults,
        domain));
  }
}
