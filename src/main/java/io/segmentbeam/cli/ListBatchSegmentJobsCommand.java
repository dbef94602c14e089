package io.segmentbeam.cli;

import io.segmentbeam.api.ListBatchSegmentJobsRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list-batch-segment-jobs",
    description = {"Prints one page of {\"batchSegmentJobs\": [...], \"nextToken\": ...}, newest first.",
        "Pass the printed nextToken back with --next-token for the next page."})
final class ListBatchSegmentJobsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--solution-version-arn", paramLabel = "ARN") String solutionVersionArn;
  @Option(names = "--max-results", paramLabel = "N", description = "1 to 100 (default 100).") Integer maxResults;
  @Option(names = "--next-token", paramLabel = "TOKEN") String nextToken;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListBatchSegmentJobsRequest request = new ListBatchSegmentJobsRequest(maxResults, nextToken, solutionVersionArn);
    spec.commandLine().getOut().println(CliJson.format(service.batchSegmentJobs().list(request)));
    return 0;
  }
}
