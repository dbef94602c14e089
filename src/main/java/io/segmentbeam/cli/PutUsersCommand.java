package io.segmentbeam.cli;

import io.segmentbeam.api.PutUsersRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "put-users", sortOptions = false,
    description = {"Adds or updates up to 10 users in a Users dataset.",
        "Prints nothing on success, as the AWS CLI; export jobs with ingestion mode PUT or ALL include them."})
final class PutUsersCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The PutUsers request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Option(names = "--users", paramLabel = "JSON",
      description = "[{\"userId\": ..., \"properties\": \"{\\\"field\\\": \\\"value\\\"}\"}]") String users;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    PutUsersRequest request = CliInput.request(command, cliInputJson, PutUsersRequest.class, json -> {
      CliInput.putText(json, "datasetArn", datasetArn);
      CliInput.putJson(command, json, "users", "--users", users);
    });
    service.putRecords().putUsers(request, service.pipelineOptions(command, pipelineArgs, false));
    return 0;
  }
}
