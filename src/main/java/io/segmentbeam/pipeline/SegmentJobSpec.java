package io.segmentbeam.pipeline;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.api.Recipe;
import java.io.Serializable;

/**
 * Everything a batch segment pipeline needs to know, fixed before it is built, so that no
 * transform depends on PipelineOptions or on the job store.
 *
 * @param input the input prefix: every file whose path starts with it is read
 * @param outputDirectory the folder the {@code .out} files are written to
 * @param tempDirectory where files are staged until all of them are complete
 * @param numResults users kept per line
 * @param recipe the kind of query lines the model answers
 * @param model the model to load on every worker
 * @param inputLimit the most lines an input file may hold
 * @param items the Items dataset that {@code itemAttributes} queries are matched against, or null
 * @param filter the job's filter, or null
 * @param userShards how many shards the model's users are split into; 1 for none
 */
public record SegmentJobSpec(
    InputPrefix input,
    String outputDirectory,
    String tempDirectory,
    int numResults,
    Recipe recipe,
    ModelSpec model,
    InputLimit inputLimit,
    DatasetFiles items,
    FilterSpec filter,
    int userShards) implements Serializable {}
