package io.segmentbeam.api;

import java.util.List;

/** The ListDatasets response; nextToken is omitted on the last page, as AWS omits it. */
public record ListDatasetsResponse(
    List<DatasetSummary> datasets,
    String nextToken) {}
