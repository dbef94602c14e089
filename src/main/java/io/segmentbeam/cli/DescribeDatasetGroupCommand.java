package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeDatasetGroupRequest;
import io.segmentbeam.api.DescribeDatasetGroupResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "describe-dataset-group", description = "Prints {\"datasetGroup\": {...}} for one created dataset group.")
final class DescribeDatasetGroupCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-group-arn", paramLabel = "ARN", required = true) String datasetGroupArn;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    DescribeDatasetGroupRequest request = new DescribeDatasetGroupRequest(datasetGroupArn);
    spec.commandLine().getOut().println(CliJson.format(
        new DescribeDatasetGroupResponse(service.datasets().describeDatasetGroup(request))));
    return 0;
  }
}
