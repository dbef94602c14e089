package io.segmentbeam.cli;

import io.segmentbeam.api.ListBatchSegmentJobsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-batch-segment-jobs",
    description = "Prints one page of {\"batchSegmentJobs\": [...], \"nextToken\": ...}, newest first.")
final class ListBatchSegmentJobsCommand extends ReadCommand {
  @Option(names = "--solution-version-arn", paramLabel = "ARN") String solutionVersionArn;
  @Mixin PageOptions page;

  @Override
  Object response() {
    ListBatchSegmentJobsRequest request =
        new ListBatchSegmentJobsRequest(page.maxResults, page.nextToken, solutionVersionArn);
    return service.batchSegmentJobs().list(request);
  }
}
