package io.segmentbeam.api;

/** The DescribeDatasetGroup response. */
public record DescribeDatasetGroupResponse(DatasetGroupResource datasetGroup) {}
