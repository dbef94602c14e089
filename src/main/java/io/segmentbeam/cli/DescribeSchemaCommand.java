package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeSchemaRequest;
import io.segmentbeam.api.DescribeSchemaResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "describe-schema", description = "Prints {\"schema\": {...}} for one created schema.")
final class DescribeSchemaCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--schema-arn", paramLabel = "ARN", required = true) String schemaArn;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(CliJson.format(
        new DescribeSchemaResponse(service.datasets().describeSchema(new DescribeSchemaRequest(schemaArn)))));
    return 0;
  }
}
