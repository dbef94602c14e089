package io.segmentbeam.cli;

import io.segmentbeam.api.ListBatchSegmentJobsRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "list-batch-segment-jobs",
    description = "Prints one page of {\"batchSegmentJobs\": [...], \"nextToken\": ...}, newest first.")
final class ListBatchSegmentJobsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--solution-version-arn", paramLabel = "ARN") String solutionVersionArn;
  @Mixin PageOptions page;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListBatchSegmentJobsRequest request =
        new ListBatchSegmentJobsRequest(page.maxResults, page.nextToken, solutionVersionArn);
    spec.commandLine().getOut().println(CliJson.format(service.batchSegmentJobs().list(request)));
    return 0;
  }
}
