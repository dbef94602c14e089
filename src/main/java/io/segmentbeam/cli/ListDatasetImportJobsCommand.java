package io.segmentbeam.cli;

import io.segmentbeam.api.ListDatasetImportJobsRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list-dataset-import-jobs",
    description = "Prints one page of {\"datasetImportJobs\": [...], \"nextToken\": ...}, newest first.")
final class ListDatasetImportJobsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Mixin PageOptions page;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListDatasetImportJobsRequest request =
        new ListDatasetImportJobsRequest(datasetArn, page.maxResults, page.nextToken);
    spec.commandLine().getOut().println(CliJson.format(service.datasetImportJobs().list(request)));
    return 0;
  }
}
