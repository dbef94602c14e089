package io.segmentbeam.api;

/** The CreateDatasetImportJob response. */
public record CreateDatasetImportJobResponse(String datasetImportJobArn) {}
