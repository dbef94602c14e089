package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeRecipeRequest;
import io.segmentbeam.api.DescribeRecipeResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-recipe", description = "Prints {\"recipe\": {...}} for a USER_SEGMENTATION recipe.")
final class DescribeRecipeCommand extends ReadCommand {
  @Option(names = "--recipe-arn", paramLabel = "ARN", required = true, description = "The recipe.")
  String recipeArn;

  @Override
  Object response() {
    return new DescribeRecipeResponse(service.solutions().describeRecipe(new DescribeRecipeRequest(recipeArn)));
  }
}
