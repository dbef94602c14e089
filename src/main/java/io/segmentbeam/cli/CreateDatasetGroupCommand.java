package io.segmentbeam.cli;

import io.segmentbeam.api.CreateDatasetGroupRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create-dataset-group", sortOptions = false,
    description = "Creates an empty dataset group; prints {\"datasetGroupArn\": ...}.")
final class CreateDatasetGroupCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The CreateDatasetGroup request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--name", paramLabel = "NAME") String name;
  @Option(names = "--role-arn", paramLabel = "ARN") String roleArn;
  @Option(names = "--kms-key-arn", paramLabel = "ARN") String kmsKeyArn;
  @Option(names = "--domain", paramLabel = "DOMAIN") String domain;
  @Option(names = "--tags", paramLabel = "JSON", description = "[{\"tagKey\": ..., \"tagValue\": ...}]") String tags;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    CreateDatasetGroupRequest request = CliInput.request(command, cliInputJson, CreateDatasetGroupRequest.class,
        json -> {
          CliInput.putText(json, "name", name);
          CliInput.putText(json, "roleArn", roleArn);
          CliInput.putText(json, "kmsKeyArn", kmsKeyArn);
          CliInput.putText(json, "domain", domain);
          CliInput.putJson(command, json, "tags", "--tags", tags);
        });
    command.getOut().println(CliJson.format(service.datasets().createDatasetGroup(request)));
    return 0;
  }
}
