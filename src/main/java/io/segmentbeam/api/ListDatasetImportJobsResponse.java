package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The ListDatasetImportJobs response; nextToken is null on the last page. */
public record ListDatasetImportJobsResponse(
    List<DatasetImportJobSummary> datasetImportJobs,
    @JsonInclude(JsonInclude.Include.ALWAYS) String nextToken) {}
