package io.segmentbeam.api;

/** The CreateSchema response. */
public record CreateSchemaResponse(String schemaArn) {}
