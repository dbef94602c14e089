package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeFilterRequest;
import io.segmentbeam.api.DescribeFilterResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-filter", description = "Prints {\"filter\": {...}} for one filter.")
final class DescribeFilterCommand extends ReadCommand {
  @Option(names = "--filter-arn", paramLabel = "ARN", required = true) String filterArn;

  @Override
  Object response() {
    DescribeFilterRequest request = new DescribeFilterRequest(filterArn);
    return new DescribeFilterResponse(service.filters().describe(request));
  }
}
