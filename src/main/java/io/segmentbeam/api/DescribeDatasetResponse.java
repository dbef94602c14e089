package io.segmentbeam.api;

/** The DescribeDataset response. */
public record DescribeDatasetResponse(Dataset dataset) {}
