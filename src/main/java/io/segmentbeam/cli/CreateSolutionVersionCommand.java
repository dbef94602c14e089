package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.CreateSolutionVersionRequest;
import io.segmentbeam.api.CreateSolutionVersionResponse;
import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.training.SolutionVersionTrainer;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create-solution-version", sortOptions = false,
    description = {"Trains a solution version on a dataset group's records, or on dataset files, and registers it "
        + "for batch segment jobs.",
        "Prints {\"solutionVersionArn\": ...}; progress and the loss of each iteration go to stderr."})
final class CreateSolutionVersionCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON", required = true,
      description = "The training request, inline or as file://request.json (see README).")
  String cliInputJson;

  @Option(names = "--name", paramLabel = "NAME", description = "Overrides the request's solution name.")
  String name;

  @Option(names = "--threads", paramLabel = "N", description = "Cores to train on (default: all, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin ServiceOptions service;

  @Override
  public Integer call() throws IOException {
    CommandLine command = spec.commandLine();
    JsonNode given = CliInput.json(command, "--cli-input-json", cliInputJson);
    if (!given.isObject()) {
      throw new CommandLine.ParameterException(command, "Error parsing parameter '--cli-input-json': "
          + "expected a JSON object");
    }
    if (name != null) {
      ((ObjectNode) given).put("name", name);
    }
    if (threads < 1) {
      throw new CommandLine.ParameterException(command, "--threads must be at least 1");
    }
    CreateSolutionVersionRequest request = ApiJson.readRequest(given, CreateSolutionVersionRequest.class);
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
