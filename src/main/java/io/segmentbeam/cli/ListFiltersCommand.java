package io.segmentbeam.cli;

import io.segmentbeam.api.ListFiltersRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list-filters",
    description = "Prints one page of {\"Filters\": [...], \"nextToken\": ...}, newest first.")
final class ListFiltersCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-group-arn", paramLabel = "ARN") String datasetGroupArn;
  @Mixin PageOptions page;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListFiltersRequest request = new ListFiltersRequest(datasetGroupArn, page.maxResults, page.nextToken);
    spec.commandLine().getOut().println(CliJson.format(service.filters().list(request)));
    return 0;
  }
}
