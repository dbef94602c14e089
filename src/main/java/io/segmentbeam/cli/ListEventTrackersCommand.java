package io.segmentbeam.cli;

import io.segmentbeam.api.ListEventTrackersRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list-event-trackers",
    description = "Prints one page of {\"eventTrackers\": [...], \"nextToken\": ...}, newest first.")
final class ListEventTrackersCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-group-arn", paramLabel = "ARN") String datasetGroupArn;

  @Mixin PageOptions page;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListEventTrackersRequest request = new ListEventTrackersRequest(datasetGroupArn, page.maxResults, page.nextToken);
    spec.commandLine().getOut().println(CliJson.format(service.datasets().listEventTrackers(request)));
    return 0;
  }
}
