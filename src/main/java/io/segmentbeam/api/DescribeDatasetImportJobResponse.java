package io.segmentbeam.api;

/** The DescribeDatasetImportJob response. */
public record DescribeDatasetImportJobResponse(DatasetImportJob datasetImportJob) {}
