package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeEventTrackerRequest;
import io.segmentbeam.api.DescribeEventTrackerResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "describe-event-tracker", description = "Prints {\"eventTracker\": {...}} for one event tracker.")
final class DescribeEventTrackerCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--event-tracker-arn", paramLabel = "ARN", required = true) String eventTrackerArn;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    DescribeEventTrackerRequest request = new DescribeEventTrackerRequest(eventTrackerArn);
    spec.commandLine().getOut().println(CliJson.format(
        new DescribeEventTrackerResponse(service.datasets().describeEventTracker(request))));
    return 0;
  }
}
