package io.segmentbeam.filter;

import io.segmentbeam.dataset.DatasetFiles;
import java.io.Serializable;

/**
 * A job's filter as the pipeline carries it to workers, where its datasets are read.
 *
 * @param filterArn the filter's ARN, for messages
 * @param expression the filter expression
 * @param users the dataset group's Users dataset, or null if it has none
 * @param interactions the dataset group's Interactions dataset, or null if it has none
 */
public record FilterSpec(String filterArn, String expression, DatasetFiles users, DatasetFiles interactions)
    implements Serializable {}
