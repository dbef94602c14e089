package io.segmentbeam.cli;

import io.segmentbeam.api.ListDatasetsRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list-datasets",
    description = "Prints one page of {\"datasets\": [...], \"nextToken\": ...}, newest first (created datasets).")
final class ListDatasetsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-group-arn", paramLabel = "ARN") String datasetGroupArn;

  @Mixin PageOptions page;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListDatasetsRequest request = new ListDatasetsRequest(datasetGroupArn, page.maxResults, page.nextToken);
    spec.commandLine().getOut().println(CliJson.format(service.datasets().listDatasets(request)));
    return 0;
  }
}
