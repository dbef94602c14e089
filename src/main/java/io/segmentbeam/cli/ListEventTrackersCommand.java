package io.segmentbeam.cli;

import io.segmentbeam.api.ListEventTrackersRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-event-trackers",
    description = "Prints one page of {\"eventTrackers\": [...], \"nextToken\": ...}, newest first.")
final class ListEventTrackersCommand extends ReadCommand {
  @Option(names = "--dataset-group-arn", paramLabel = "ARN") String datasetGroupArn;

  @Mixin PageOptions page;

  @Override
  Object response() {
    ListEventTrackersRequest request = new ListEventTrackersRequest(datasetGroupArn, page.maxResults, page.nextToken);
    return service.datasets().listEventTrackers(request);
  }
}
