package io.segmentbeam.registry;

import io.segmentbeam.dataset.DatasetFiles;

/** A dataset group and its datasets; a dataset the group lacks is null. */
public record DatasetGroup(String datasetGroupArn, DatasetFiles interactions, DatasetFiles users, DatasetFiles items) {}
