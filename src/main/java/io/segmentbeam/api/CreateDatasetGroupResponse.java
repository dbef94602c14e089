package io.segmentbeam.api;

/** The CreateDatasetGroup response. */
public record CreateDatasetGroupResponse(String datasetGroupArn, String domain) {}
