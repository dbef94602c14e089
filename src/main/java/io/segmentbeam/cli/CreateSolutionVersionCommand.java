package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.CreateSolutionVersionRequest;
import io.segmentbeam.api.CreateSolutionVersionResponse;
import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.api.SolutionVersionDetails;
import io.segmentbeam.api.TrainSolutionVersionRequest;
import io.segmentbeam.training.SolutionVersionTrainer;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create-solution-version", sortOptions = false,
    description = {"Trains a solution version and registers it for batch segment jobs: AWS's CreateSolutionVersion "
        + "(--solution-arn, or solutionArn in the request) trains a version of a solution made by create-solution; "
        + "SegmentBeam's one-step request (name, recipeArn, solutionConfig and datasetGroupArn or datasets) trains "
        + "without one.",
        "Prints {\"solutionVersionArn\": ...}; progress and the loss of each iteration go to stderr."})
final class CreateSolutionVersionCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The request, inline or as file://request.json (see README).")
  String cliInputJson;

  @Option(names = "--solution-arn", paramLabel = "ARN", description = "The solution to train a version of.")
  String solutionArn;

  @Option(names = "--training-mode", paramLabel = "MODE", description = "FULL, the one the recipes support.")
  String trainingMode;

  @Option(names = "--name", paramLabel = "NAME", description = "Overrides the request's solution name.")
  String name;

  @Option(names = "--threads", paramLabel = "N", description = "Cores to train on (default: all, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin ServiceOptions service;

  @Override
  public Integer call() throws IOException {
    CommandLine command = spec.commandLine();
    ObjectNode given = CliInput.request(command, cliInputJson);
    CliInput.putText(given, "name", name);
    CliInput.putText(given, "solutionArn", solutionArn);
    CliInput.putText(given, "trainingMode", trainingMode);
    if (threads < 1) {
      throw new CommandLine.ParameterException(command, "--threads must be at least 1");
    }
    if (given.has("solutionArn")) {
      SolutionVersionDetails version = service.solutions().createSolutionVersion(
          ApiJson.readRequest(given, CreateSolutionVersionRequest.class), threads, command.getErr(),
          arn -> JobReport.recorded(command, new CreateSolutionVersionResponse(arn)));
      return JobReport.ended(command, version.solutionVersionArn(), version.status(), version.failureReason(),
          "");
    }
    TrainSolutionVersionRequest request = ApiJson.readRequest(given, TrainSolutionVersionRequest.class);
    if (request.datasetGroupArn() != null) {
      if (request.datasets() != null) {
        throw new InvalidInputException("Give datasetGroupArn or datasets, not both: the solution version is "
            + "trained on one of them.");
      }
      request = request.withDatasets(service.datasets().trainingDatasets(request.datasetGroupArn()));
    }
    service.registerFileSystems();
    String arn = new SolutionVersionTrainer(service.home, service.scope(), service.solutionVersions, threads,
        command.getErr()).create(request);
    command.getOut().println(CliJson.format(new CreateSolutionVersionResponse(arn)));
    return 0;
  }
}
