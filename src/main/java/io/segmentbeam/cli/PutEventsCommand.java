package io.segmentbeam.cli;

import io.segmentbeam.api.PutEventsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "put-events", sortOptions = false,
    description = {"Adds up to 10 events to the Interactions dataset of an event tracker's dataset group.",
        "Prints nothing on success, as the AWS CLI; export jobs with ingestion mode PUT or ALL include them."})
final class PutEventsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The PutEvents request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--tracking-id", paramLabel = "ID") String trackingId;
  @Option(names = "--user-id", paramLabel = "ID") String userId;
  @Option(names = "--session-id", paramLabel = "ID") String sessionId;
  @Option(names = "--event-list", paramLabel = "JSON",
      description = "[{\"eventType\": ..., \"itemId\": ..., \"sentAt\": <epoch seconds>, ...}]") String eventList;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    PutEventsRequest request = CliInput.request(command, cliInputJson, PutEventsRequest.class, json -> {
      CliInput.putText(json, "trackingId", trackingId);
      CliInput.putText(json, "userId", userId);
      CliInput.putText(json, "sessionId", sessionId);
      CliInput.putJson(command, json, "eventList", "--event-list", eventList);
    });
    service.putRecords().putEvents(request, service.pipelineOptions(command, pipelineArgs, false));
    return 0;
  }
}
