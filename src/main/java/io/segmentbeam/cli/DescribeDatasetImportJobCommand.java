package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeDatasetImportJobRequest;
import io.segmentbeam.api.DescribeDatasetImportJobResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "describe-dataset-import-job", description = "Prints {\"datasetImportJob\": {...}} for one job.")
final class DescribeDatasetImportJobCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--dataset-import-job-arn", paramLabel = "ARN", required = true) String datasetImportJobArn;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    DescribeDatasetImportJobRequest request = new DescribeDatasetImportJobRequest(datasetImportJobArn);
    spec.commandLine().getOut().println(
        CliJson.format(new DescribeDatasetImportJobResponse(service.datasetImportJobs().describe(request))));
    return 0;
  }
}
