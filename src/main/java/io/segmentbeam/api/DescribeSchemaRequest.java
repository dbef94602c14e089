package io.segmentbeam.api;

/** The DescribeSchema request. */
public record DescribeSchemaRequest(String schemaArn) {

  public void validate() {
    new Violations().string("schemaArn", schemaArn, ApiRules.ARN, true).throwIfAny();
  }
}
