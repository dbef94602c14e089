package io.segmentbeam.cli;

import io.segmentbeam.api.ListDatasetExportJobsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-dataset-export-jobs",
    description = "Prints one page of {\"datasetExportJobs\": [...], \"nextToken\": ...}, newest first.")
final class ListDatasetExportJobsCommand extends ReadCommand {
  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Mixin PageOptions page;

  @Override
  Object response() {
    ListDatasetExportJobsRequest request =
        new ListDatasetExportJobsRequest(datasetArn, page.maxResults, page.nextToken);
    return service.datasetExportJobs().list(request);
  }
}
