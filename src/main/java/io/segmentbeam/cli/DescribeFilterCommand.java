package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeFilterRequest;
import io.segmentbeam.api.DescribeFilterResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "describe-filter", description = "Prints {\"filter\": {...}} for one filter.")
final class DescribeFilterCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--filter-arn", paramLabel = "ARN", required = true) String filterArn;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    DescribeFilterRequest request = new DescribeFilterRequest(filterArn);
    spec.commandLine().getOut().println(CliJson.format(new DescribeFilterResponse(service.filters().describe(request))));
    return 0;
  }
}
