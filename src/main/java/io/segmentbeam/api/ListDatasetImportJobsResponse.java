package io.segmentbeam.api;

import java.util.List;

/** The ListDatasetImportJobs response; nextToken is omitted on the last page, as AWS omits it. */
public record ListDatasetImportJobsResponse(
    List<DatasetImportJobSummary> datasetImportJobs,
    String nextToken) {}
