package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeSolutionRequest;
import io.segmentbeam.api.DescribeSolutionResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-solution", description = "Prints {\"solution\": {...}} for one solution, with its latest "
    + "version.")
final class DescribeSolutionCommand extends ReadCommand {
  @Option(names = "--solution-arn", paramLabel = "ARN", required = true, description = "The solution.")
  String solutionArn;

  @Override
  Object response() {
    return new DescribeSolutionResponse(service.solutions().describeSolution(new DescribeSolutionRequest(solutionArn)));
  }
}
