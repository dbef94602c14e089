package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.api.DescribeBatchSegmentJobResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "describe-batch-segment-job", description = "Prints {\"batchSegmentJob\": {...}} for one job.")
final class DescribeBatchSegmentJobCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--batch-segment-job-arn", paramLabel = "ARN", required = true) String batchSegmentJobArn;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    DescribeBatchSegmentJobRequest request = new DescribeBatchSegmentJobRequest(batchSegmentJobArn);
    spec.commandLine().getOut().println(
        CliJson.format(new DescribeBatchSegmentJobResponse(service.batchSegmentJobs().describe(request))));
    return 0;
  }
}
