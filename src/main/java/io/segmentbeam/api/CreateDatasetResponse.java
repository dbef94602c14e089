package io.segmentbeam.api;

/** The CreateDataset response. */
public record CreateDatasetResponse(String datasetArn) {}
