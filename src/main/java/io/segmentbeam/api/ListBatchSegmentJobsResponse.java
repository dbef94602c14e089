package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The ListBatchSegmentJobs response; nextToken is null on the last page. */
public record ListBatchSegmentJobsResponse(
    List<BatchSegmentJobSummary> batchSegmentJobs,
    @JsonInclude(JsonInclude.Include.ALWAYS) String nextToken) {}
