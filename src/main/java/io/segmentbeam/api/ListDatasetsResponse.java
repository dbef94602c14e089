package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The ListDatasets response; nextToken is null on the last page. */
public record ListDatasetsResponse(
    List<DatasetSummary> datasets,
    @JsonInclude(JsonInclude.Include.ALWAYS) String nextToken) {}
