package io.segmentbeam.cli;

import io.segmentbeam.api.ListDatasetGroupsRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "list-dataset-groups",
    description = "Prints one page of {\"datasetGroups\": [...], \"nextToken\": ...}, newest first (created groups).")
final class ListDatasetGroupsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin PageOptions page;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListDatasetGroupsRequest request = new ListDatasetGroupsRequest(page.maxResults, page.nextToken);
    spec.commandLine().getOut().println(CliJson.format(service.datasets().listDatasetGroups(request)));
    return 0;
  }
}
