package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeDatasetImportJobRequest;
import io.segmentbeam.api.DescribeDatasetImportJobResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-dataset-import-job", description = "Prints {\"datasetImportJob\": {...}} for one job.")
final class DescribeDatasetImportJobCommand extends ReadCommand {
  @Option(names = "--dataset-import-job-arn", paramLabel = "ARN", required = true) String datasetImportJobArn;

  @Override
  Object response() {
    DescribeDatasetImportJobRequest request = new DescribeDatasetImportJobRequest(datasetImportJobArn);
    return new DescribeDatasetImportJobResponse(service.datasetImportJobs().describe(request));
  }
}
