package io.segmentbeam.cli;

import io.segmentbeam.api.CreateSchemaRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create-schema", sortOptions = false,
    description = "Stores an Avro dataset schema; prints {\"schemaArn\": ...}.")
final class CreateSchemaCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The CreateSchema request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--name", paramLabel = "NAME") String name;
  @Option(names = "--schema", paramLabel = "JSON", description = "The Avro schema, inline or as file://schema.json.")
  String schema;
  @Option(names = "--domain", paramLabel = "DOMAIN") String domain;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    CreateSchemaRequest request = CliInput.request(command, cliInputJson, CreateSchemaRequest.class, json -> {
      CliInput.putText(json, "name", name);
      CliInput.putText(json, "schema", schema == null ? null : CliInput.text(command, "--schema", schema));
      CliInput.putText(json, "domain", domain);
    });
    command.getOut().println(CliJson.format(service.datasets().createSchema(request)));
    return 0;
  }
}
