package io.segmentbeam.cli;

import io.segmentbeam.api.DescribeSchemaRequest;
import io.segmentbeam.api.DescribeSchemaResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "describe-schema", description = "Prints {\"schema\": {...}} for one created schema.")
final class DescribeSchemaCommand extends ReadCommand {
  @Option(names = "--schema-arn", paramLabel = "ARN", required = true) String schemaArn;

  @Override
  Object response() {
    return new DescribeSchemaResponse(service.datasets().describeSchema(new DescribeSchemaRequest(schemaArn)));
  }
}
