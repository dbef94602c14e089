package io.segmentbeam.api;

/** The CreateDatasetExportJob response. */
public record CreateDatasetExportJobResponse(String datasetExportJobArn) {}
