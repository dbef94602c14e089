package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeDatasetExportJobRequest;
import io.segmentbeam.api.DescribeDatasetExportJobResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "describe-dataset-export-job", description = "Prints {\"datasetExportJob\": {...}} for one job.")
final class DescribeDatasetExportJobCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-export-job-arn", paramLabel = "ARN", required = true) String datasetExportJobArn;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    DescribeDatasetExportJobRequest request = new DescribeDatasetExportJobRequest(datasetExportJobArn);
    spec.commandLine().getOut().println(
        CliJson.format(new DescribeDatasetExportJobResponse(service.datasetExportJobs().describe(request))));
    return 0;
  }
}
