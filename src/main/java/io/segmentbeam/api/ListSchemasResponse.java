package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The ListSchemas response; nextToken is null on the last page. */
public record ListSchemasResponse(
    List<DatasetSchemaSummary> schemas,
    @JsonInclude(JsonInclude.Include.ALWAYS) String nextToken) {}
