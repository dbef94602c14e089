package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What every create-job command takes besides its own members: the request itself, the job's name, role and tags. */
final class JobRequestOptions {
  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The request as AWS takes it, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--job-name", paramLabel = "NAME") String jobName;
  @Option(names = "--role-arn", paramLabel = "ARN") String roleArn;
  @Option(names = "--tags", paramLabel = "JSON", description = "[{\"tagKey\": ..., \"tagValue\": ...}]") String tags;

  /** The request with these options set over it, then the command's own ({@code more}), read as the API reads it. */
  <T> T request(CommandLine command, Class<T> type, Consumer<ObjectNode> more) {
    return CliInput.request(command, cliInputJson, type, json -> {
      CliInput.putText(json, "jobName", jobName);
      CliInput.putText(json, "roleArn", roleArn);
      CliInput.putJson(command, json, "tags", "--tags", tags);
      more.accept(json);
    });
  }
}
