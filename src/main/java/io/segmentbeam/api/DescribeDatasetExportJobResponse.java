package io.segmentbeam.api;

/** The DescribeDatasetExportJob response. */
public record DescribeDatasetExportJobResponse(DatasetExportJob datasetExportJob) {}
