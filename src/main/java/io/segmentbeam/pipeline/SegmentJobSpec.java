package io.segmentbeam.pipeline;

import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.api.Recipe;
import io.segmentbeam.storage.ListedFile;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a batch segment pipeline needs to know, fixed before it is built, so that no
 * transform depends on PipelineOptions or on the job store.
 *
 * @param storage how the job reads its input and writes its output, with its own S3 access and KMS key
 * @param progressId the id this run's progress is counted under in the launching JVM
 * @param input the input prefix, which output names are relative to
 * @param inputFiles every file under the prefix, listed once before the job wrote anything
 * @param outputDirectory the folder the {@code .out} files are written to (the job's staging folder)
 * @param numResults users kept per line
 * @param recipe the kind of query lines the model answers
 * @param model the model to load on every worker
 * @param inputLimit the most lines an input file may hold
 * @param items the Items dataset that {@code itemAttributes} queries are matched against, or null
 * @param filter the job's filter, or null
 * @param userShards how many shards the model's users are split into; 1 for none
 * @param scoringThreads threads each scoring instance uses for a batch (at most its worker's
 *     cores); {@link io.segmentbeam.model.kernel.ScoringKernel#EVERY_CORE} for every core
 */
public record SegmentJobSpec(
    JobStorage storage,
    String progressId,
    InputPrefix input,
    List<ListedFile> inputFiles,
    String outputDirectory,
    int numResults,
    Recipe recipe,
    ModelSpec model,
    InputLimit inputLimit,
    DatasetFiles items,
    FilterSpec filter,
    int userShards,
    int scoringThreads) implements Serializable {}
