package io.segmentbeam.cli;

import io.segmentbeam.api.ListSchemasRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list-schemas",
    description = "Prints one page of {\"schemas\": [...], \"nextToken\": ...}, newest first.")
final class ListSchemasCommand extends ReadCommand {
  @Mixin PageOptions page;

  @Override
  Object response() {
    ListSchemasRequest request = new ListSchemasRequest(page.maxResults, page.nextToken);
    return service.datasets().listSchemas(request);
  }
}
