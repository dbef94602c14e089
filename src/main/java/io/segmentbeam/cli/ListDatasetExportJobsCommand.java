package io.segmentbeam.cli;

import io.segmentbeam.api.ListDatasetExportJobsRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list-dataset-export-jobs",
    description = "Prints one page of {\"datasetExportJobs\": [...], \"nextToken\": ...}, newest first.")
final class ListDatasetExportJobsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Mixin PageOptions page;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListDatasetExportJobsRequest request =
        new ListDatasetExportJobsRequest(datasetArn, page.maxResults, page.nextToken);
    spec.commandLine().getOut().println(CliJson.format(service.datasetExportJobs().list(request)));
    return 0;
  }
}
