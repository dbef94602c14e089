package io.segmentbeam.api;

import java.util.List;

/** The ListSchemas response; nextToken is omitted on the last page, as AWS omits it. */
public record ListSchemasResponse(
    List<DatasetSchemaSummary> schemas,
    String nextToken) {}
