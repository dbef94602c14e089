package io.segmentbeam.cli;

import io.segmentbeam.api.ListDatasetImportJobsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list-dataset-import-jobs",
    description = "Prints one page of {\"datasetImportJobs\": [...], \"nextToken\": ...}, newest first.")
final class ListDatasetImportJobsCommand extends ReadCommand {
  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Mixin PageOptions page;

  @Override
  Object response() {
    ListDatasetImportJobsRequest request =
        new ListDatasetImportJobsRequest(datasetArn, page.maxResults, page.nextToken);
    return service.datasetImportJobs().list(request);
  }
}
