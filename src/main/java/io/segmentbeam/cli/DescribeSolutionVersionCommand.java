package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeSolutionVersionRequest;
import io.segmentbeam.api.DescribeSolutionVersionResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-solution-version",
    description = "Prints {\"solutionVersion\": {...}} for one version trained by create-solution-version "
        + "--solution-arn.")
final class DescribeSolutionVersionCommand extends ReadCommand {
  @Option(names = "--solution-version-arn", paramLabel = "ARN", required = true, description = "The version.")
  String solutionVersionArn;

  @Override
  Object response() {
    return new DescribeSolutionVersionResponse(service.solutions().describeSolutionVersion(
        new DescribeSolutionVersionRequest(solutionVersionArn)));
  }
}
