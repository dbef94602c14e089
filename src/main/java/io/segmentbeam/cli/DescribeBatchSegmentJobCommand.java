package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.api.DescribeBatchSegmentJobResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-batch-segment-job", description = "Prints {\"batchSegmentJob\": {...}} for one job.")
final class DescribeBatchSegmentJobCommand extends ReadCommand {
  @Option(names = "--batch-segment-job-arn", paramLabel = "ARN", required = true) String batchSegmentJobArn;

  @Override
  Object response() {
    DescribeBatchSegmentJobRequest request = new DescribeBatchSegmentJobRequest(batchSegmentJobArn);
    return new DescribeBatchSegmentJobResponse(service.batchSegmentJobs().describe(request));
  }
}
