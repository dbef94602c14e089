package io.segmentbeam.cli;

import io.segmentbeam.api.PutItemsRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "put-items", sortOptions = false,
    description = {"Adds or updates up to 10 items in an Items dataset.",
        "Prints nothing on success, as the AWS CLI; export jobs with ingestion mode PUT or ALL include them."})
final class PutItemsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The PutItems request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Option(names = "--items", paramLabel = "JSON",
      description = "[{\"itemId\": ..., \"properties\": \"{\\\"field\\\": \\\"value\\\"}\"}]") String items;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    PutItemsRequest request = CliInput.request(command, cliInputJson, PutItemsRequest.class, json -> {
      CliInput.putText(json, "datasetArn", datasetArn);
      CliInput.putJson(command, json, "items", "--items", items);
    });
    service.putRecords().putItems(request, service.pipelineOptions(command, pipelineArgs, false));
    return 0;
  }
}
