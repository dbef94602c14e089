package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.CreateFilterRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create-filter", sortOptions = false,
    description = {"Creates a user segment filter in a declared dataset group; prints {\"filterArn\": ...}.",
        "An expression that does not parse or does not fit the datasets is an InvalidInputException that says "
            + "at which character and why."})
final class CreateFilterCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The CreateFilter request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--name", paramLabel = "NAME") String name;
  @Option(names = "--dataset-group-arn", paramLabel = "ARN") String datasetGroupArn;
  @Option(names = "--filter-expression", paramLabel = "EXPRESSION") String filterExpression;
  @Option(names = "--tags", paramLabel = "JSON", description = "[{\"tagKey\": ..., \"tagValue\": ...}]") String tags;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    ObjectNode request = CliInput.request(command, cliInputJson);
    CliInput.putText(request, "name", name);
    CliInput.putText(request, "datasetGroupArn", datasetGroupArn);
    CliInput.putText(request, "filterExpression", filterExpression);
    CliInput.putJson(command, request, "tags", "--tags", tags);
    command.getOut().println(CliJson.format(
        service.filters().create(ApiJson.readRequest(request, CreateFilterRequest.class))));
    return 0;
  }
}
