package io.segmentbeam.api;

import java.util.List;

/** The ListDatasetExportJobs response; nextToken is omitted on the last page, as AWS omits it. */
public record ListDatasetExportJobsResponse(
    List<DatasetExportJobSummary> datasetExportJobs,
    String nextToken) {}
