package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The ListDatasetGroups response; nextToken is null on the last page. */
public record ListDatasetGroupsResponse(
    List<DatasetGroupSummary> datasetGroups,
    @JsonInclude(JsonInclude.Include.ALWAYS) String nextToken) {}
