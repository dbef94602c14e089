package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeEventTrackerRequest;
import io.segmentbeam.api.DescribeEventTrackerResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-event-tracker", description = "Prints {\"eventTracker\": {...}} for one event tracker.")
final class DescribeEventTrackerCommand extends ReadCommand {
  @Option(names = "--event-tracker-arn", paramLabel = "ARN", required = true) String eventTrackerArn;

  @Override
  Object response() {
    DescribeEventTrackerRequest request = new DescribeEventTrackerRequest(eventTrackerArn);
    return new DescribeEventTrackerResponse(service.datasets().describeEventTracker(request));
  }
}
