package io.segmentbeam.cli;

import io.segmentbeam.api.CreateDatasetRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create-dataset", sortOptions = false,
    description = {"Creates an empty Interactions, Users or Items dataset in a created dataset group; prints "
        + "{\"datasetArn\": ...}.", "Its ARN is arn:aws:personalize:<region>:<account>:dataset/<group>/<TYPE>."})
final class CreateDatasetCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The CreateDataset request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--name", paramLabel = "NAME") String name;
  @Option(names = "--schema-arn", paramLabel = "ARN") String schemaArn;
  @Option(names = "--dataset-group-arn", paramLabel = "ARN") String datasetGroupArn;
  @Option(names = "--dataset-type", paramLabel = "TYPE", description = "Interactions, Users or Items.")
  String datasetType;
  @Option(names = "--tags", paramLabel = "JSON", description = "[{\"tagKey\": ..., \"tagValue\": ...}]") String tags;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    CreateDatasetRequest request = CliInput.request(command, cliInputJson, CreateDatasetRequest.class, json -> {
      CliInput.putText(json, "name", name);
      CliInput.putText(json, "schemaArn", schemaArn);
      CliInput.putText(json, "datasetGroupArn", datasetGroupArn);
      CliInput.putText(json, "datasetType", datasetType);
      CliInput.putJson(command, json, "tags", "--tags", tags);
    });
    command.getOut().println(CliJson.format(service.datasets().createDataset(request)));
    return 0;
  }
}
