package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeDatasetExportJobRequest;
import io.segmentbeam.api.DescribeDatasetExportJobResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-dataset-export-job", description = "Prints {\"datasetExportJob\": {...}} for one job.")
final class DescribeDatasetExportJobCommand extends ReadCommand {
  @Option(names = "--dataset-export-job-arn", paramLabel = "ARN", required = true) String datasetExportJobArn;

  @Override
  Object response() {
    DescribeDatasetExportJobRequest request = new DescribeDatasetExportJobRequest(datasetExportJobArn);
    return new DescribeDatasetExportJobResponse(service.datasetExportJobs().describe(request));
  }
}
