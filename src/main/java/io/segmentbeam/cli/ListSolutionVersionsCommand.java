package io.segmentbeam.cli;

import io.segmentbeam.api.ListSolutionVersionsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-solution-versions",
    description = "Prints one page of {\"solutionVersions\": [...], \"nextToken\": ...}, newest first.")
final class ListSolutionVersionsCommand extends ReadCommand {
  @Option(names = "--solution-arn", paramLabel = "ARN", description = "Only the versions of this solution.")
  String solutionArn;
  @Mixin PageOptions page;

  @Override
  Object response() {
    return service.solutions().listSolutionVersions(new ListSolutionVersionsRequest(solutionArn, page.maxResults,
        page.nextToken));
  }
}
