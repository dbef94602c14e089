package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.CreateSolutionRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create-solution", sortOptions = false,
    description = {"Records a solution, AWS's CreateSolution: which recipe to train, with which hyperparameters, "
        + "on which dataset group. create-solution-version --solution-arn then trains versions of it.",
        "Prints {\"solutionArn\": ...}."})
final class CreateSolutionCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The CreateSolution request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--name", paramLabel = "NAME", description = "The solution's name.") String name;
  @Option(names = "--dataset-group-arn", paramLabel = "ARN", description = "The dataset group to train on.")
  String datasetGroupArn;
  @Option(names = "--recipe-arn", paramLabel = "ARN",
      description = "arn:aws:personalize:::recipe/aws-item-affinity or .../aws-item-attribute-affinity.")
  String recipeArn;
  @Option(names = "--event-type", paramLabel = "TYPE", description = "Train on the events of this EVENT_TYPE only.")
  String eventType;
  @Option(names = "--solution-config", paramLabel = "JSON",
      description = "{\"algorithmHyperParameters\": {...}, \"eventValueThreshold\": ...}") String solutionConfig;
  @Option(names = "--tags", paramLabel = "JSON", description = "[{\"tagKey\": ..., \"tagValue\": ...}]") String tags;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    ObjectNode request = CliInput.request(command, cliInputJson);
    CliInput.putText(request, "name", name);
    CliInput.putText(request, "datasetGroupArn", datasetGroupArn);
    CliInput.putText(request, "recipeArn", recipeArn);
    CliInput.putText(request, "eventType", eventType);
    CliInput.putJson(command, request, "solutionConfig", "--solution-config", solutionConfig);
    CliInput.putJson(command, request, "tags", "--tags", tags);
    command.getOut().println(CliJson.format(
        service.solutions().createSolution(ApiJson.readRequest(request, CreateSolutionRequest.class))));
    return 0;
  }
}
