package io.segmentbeam.cli;

import io.segmentbeam.api.ListFiltersRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-filters",
    description = "Prints one page of {\"Filters\": [...], \"nextToken\": ...}, newest first.")
final class ListFiltersCommand extends ReadCommand {
  @Option(names = "--dataset-group-arn", paramLabel = "ARN") String datasetGroupArn;
  @Mixin PageOptions page;

  @Override
  Object response() {
    ListFiltersRequest request = new ListFiltersRequest(datasetGroupArn, page.maxResults, page.nextToken);
    return service.filters().list(request);
  }
}
