package io.segmentbeam.cli;

import io.segmentbeam.api.ListTagsForResourceRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "list-tags-for-resource", description = "Prints {\"tags\": [...]} for one resource.")
final class ListTagsForResourceCommand extends ReadCommand {
  @Option(names = "--resource-arn", paramLabel = "ARN", required = true) String resourceArn;

  @Override
  Object response() {
    return service.tags().list(new ListTagsForResourceRequest(resourceArn));
  }
}
