package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeDatasetRequest;
import io.segmentbeam.api.DescribeDatasetResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "describe-dataset", description = "Prints {\"dataset\": {...}} for one created dataset.")
final class DescribeDatasetCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-arn", paramLabel = "ARN", required = true) String datasetArn;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(CliJson.format(
        new DescribeDatasetResponse(service.datasets().describeDataset(new DescribeDatasetRequest(datasetArn)))));
    return 0;
  }
}
