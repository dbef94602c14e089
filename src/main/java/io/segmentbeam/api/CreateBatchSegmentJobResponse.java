package io.segmentbeam.api;

public record CreateBatchSegmentJobResponse(String batchSegmentJobArn) {}
