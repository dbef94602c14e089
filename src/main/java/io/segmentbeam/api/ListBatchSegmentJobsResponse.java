package io.segmentbeam.api;

import java.util.List;

/** The ListBatchSegmentJobs response; nextToken is omitted on the last page, as AWS omits it. */
public record ListBatchSegmentJobsResponse(
    List<BatchSegmentJobSummary> batchSegmentJobs,
    String nextToken) {}
