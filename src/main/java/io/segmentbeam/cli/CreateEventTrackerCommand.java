package io.segmentbeam.cli;

import io.segmentbeam.api.CreateEventTrackerRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "create-event-tracker", sortOptions = false,
    description = "Creates an event tracker for a dataset group; prints {\"eventTrackerArn\": ..., \"trackingId\": ...}, "
        + "the id put-events takes.")
final class CreateEventTrackerCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The CreateEventTracker request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--name", paramLabel = "NAME") String name;
  @Option(names = "--dataset-group-arn", paramLabel = "ARN") String datasetGroupArn;
  @Option(names = "--tags", paramLabel = "JSON", description = "[{\"tagKey\": ..., \"tagValue\": ...}]") String tags;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    CreateEventTrackerRequest request = CliInput.request(command, cliInputJson, CreateEventTrackerRequest.class,
        json -> {
          CliInput.putText(json, "name", name);
          CliInput.putText(json, "datasetGroupArn", datasetGroupArn);
          CliInput.putJson(command, json, "tags", "--tags", tags);
        });
    command.getOut().println(CliJson.format(service.datasets().createEventTracker(request)));
    return 0;
  }
}
