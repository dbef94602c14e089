package io.segmentbeam.api;

/** The DescribeSchema response. */
public record DescribeSchemaResponse(SchemaResource schema) {}
