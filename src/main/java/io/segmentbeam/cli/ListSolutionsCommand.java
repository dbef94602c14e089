package io.segmentbeam.cli;

import io.segmentbeam.api.ListSolutionsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-solutions",
    description = "Prints one page of {\"solutions\": [...], \"nextToken\": ...}, newest first.")
final class ListSolutionsCommand extends ReadCommand {
  @Option(names = "--dataset-group-arn", paramLabel = "ARN", description = "Only the solutions of this dataset group.")
  String datasetGroupArn;
  @Mixin PageOptions page;

  @Override
  Object response() {
    return service.solutions().listSolutions(new ListSolutionsRequest(datasetGroupArn, page.maxResults,
        page.nextToken));
  }
}
