package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The ListDatasetExportJobs response; nextToken is null on the last page. */
public record ListDatasetExportJobsResponse(
    List<DatasetExportJobSummary> datasetExportJobs,
    @JsonInclude(JsonInclude.Include.ALWAYS) String nextToken) {}
