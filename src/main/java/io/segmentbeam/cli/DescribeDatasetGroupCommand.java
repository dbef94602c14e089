package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeDatasetGroupRequest;
import io.segmentbeam.api.DescribeDatasetGroupResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-dataset-group",
    description = "Prints {\"datasetGroup\": {...}} for one created dataset group.")
final class DescribeDatasetGroupCommand extends ReadCommand {
  @Option(names = "--dataset-group-arn", paramLabel = "ARN", required = true) String datasetGroupArn;

  @Override
  Object response() {
    DescribeDatasetGroupRequest request = new DescribeDatasetGroupRequest(datasetGroupArn);
    return new DescribeDatasetGroupResponse(service.datasets().describeDatasetGroup(request));
  }
}
