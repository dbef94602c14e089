package io.segmentbeam.api;

public record DescribeBatchSegmentJobResponse(BatchSegmentJob batchSegmentJob) {}
