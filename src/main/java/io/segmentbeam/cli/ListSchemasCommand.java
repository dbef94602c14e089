package io.segmentbeam.cli;

import io.segmentbeam.api.ListSchemasRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(name = "list-schemas", description = "Prints one page of {\"schemas\": [...], \"nextToken\": ...}, newest first.")
final class ListSchemasCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin PageOptions page;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    ListSchemasRequest request = new ListSchemasRequest(page.maxResults, page.nextToken);
    spec.commandLine().getOut().println(CliJson.format(service.datasets().listSchemas(request)));
    return 0;
  }
}
