package io.segmentbeam.cli;

import io.segmentbeam.api.ListDatasetImportJobsRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list-dataset-import-jobs",
    description = {"Prints one page of {\"datasetImportJobs\": [...], \"nextToken\": ...}, newest first.",
        "Pass the printed nextToken back with --next-token for the next page."})
final class ListDatasetImportJobsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Option(names = "--max-results", paramLabel = "N", description = "1 to 100 (default 100).") Integer maxResults;
  @Option(names = "--next-token", paramLabel = "TOKEN") String nextToken;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListDatasetImportJobsRequest request = new ListDatasetImportJobsRequest(datasetArn, maxResults, nextToken);
    spec.commandLine().getOut().println(CliJson.format(service.datasetImportJobs().list(request)));
    return 0;
  }
}
