package io.segmentbeam.cli;

import io.segmentbeam.api.GetSolutionMetricsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "get-solution-metrics",
    description = "Prints {\"solutionVersionArn\": ..., \"metrics\": {...}}: the version's held-out precision, "
        + "recall and coverage next to the popularity baseline's (see README, Training).")
final class GetSolutionMetricsCommand extends ReadCommand {
  @Option(names = "--solution-version-arn", paramLabel = "ARN", required = true, description = "The version.")
  String solutionVersionArn;

  @Override
  Object response() {
    return service.solutions().getSolutionMetrics(new GetSolutionMetricsRequest(solutionVersionArn));
  }
}
