package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.TagResourceRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "tag-resource", description = "Adds tags to a resource; a key it has gets the new value. Prints "
    + "nothing, as the AWS CLI prints nothing.")
final class TagResourceCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--resource-arn", paramLabel = "ARN", required = true) String resourceArn;
  @Option(names = "--tags", paramLabel = "JSON", required = true,
      description = "[{\"tagKey\": ..., \"tagValue\": ...}]") String tags;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    ObjectNode request = CliInput.request(command, null);
    CliInput.putText(request, "resourceArn", resourceArn);
    CliInput.putJson(command, request, "tags", "--tags", tags);
    service.tags().tag(ApiJson.readRequest(request, TagResourceRequest.class));
    return 0;
  }
}
