package io.segmentbeam.api;

import java.util.List;

/** The ListDatasetGroups response; nextToken is omitted on the last page, as AWS omits it. */
public record ListDatasetGroupsResponse(
    List<DatasetGroupSummary> datasetGroups,
    String nextToken) {}
