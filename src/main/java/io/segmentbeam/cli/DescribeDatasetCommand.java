package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeDatasetRequest;
import io.segmentbeam.api.DescribeDatasetResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-dataset", description = "Prints {\"dataset\": {...}} for one created dataset.")
final class DescribeDatasetCommand extends ReadCommand {
  @Option(names = "--dataset-arn", paramLabel = "ARN", required = true) String datasetArn;

  @Override
  Object response() {
    return new DescribeDatasetResponse(service.datasets().describeDataset(new DescribeDatasetRequest(datasetArn)));
  }
}
