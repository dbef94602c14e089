package io.segmentbeam.cli;

import io.segmentbeam.api.ListDatasetsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-datasets",
    description = "Prints one page of {\"datasets\": [...], \"nextToken\": ...}, newest first (created datasets).")
final class ListDatasetsCommand extends ReadCommand {
  @Option(names = "--dataset-group-arn", paramLabel = "ARN") String datasetGroupArn;

  @Mixin PageOptions page;

  @Override
  Object response() {
    ListDatasetsRequest request = new ListDatasetsRequest(datasetGroupArn, page.maxResults, page.nextToken);
    return service.datasets().listDatasets(request);
  }
}
