package io.segmentbeam.cli;

import io.segmentbeam.api.ListDatasetGroupsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list-dataset-groups",
    description = "Prints one page of {\"datasetGroups\": [...], \"nextToken\": ...}, newest first (created groups).")
final class ListDatasetGroupsCommand extends ReadCommand {
  @Mixin PageOptions page;

  @Override
  Object response() {
    ListDatasetGroupsRequest request = new ListDatasetGroupsRequest(page.maxResults, page.nextToken);
    return service.datasets().listDatasetGroups(request);
  }
}
