package io.segmentbeam.jobs;

import io.segmentbeam.api.BatchSegmentJob;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.dataset.ItemCatalog;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.filter.InvalidFilterException;
import io.segmentbeam.store.JobOutputs;
import io.segmentbeam.filter.SegmentFilter;
import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.SegmentModels;
import io.segmentbeam.model.kernel.ScoringKernel;
import io.segmentbeam.pipeline.BatchSegmentPipeline;
import io.segmentbeam.pipeline.InputLimit;
import io.segmentbeam.pipeline.JobProgress;
import io.segmentbeam.pipeline.InputPrefix;
import io.segmentbeam.pipeline.JobTimings;
import io.segmentbeam.pipeline.SegmentJobOptions;
import io.segmentbeam.pipeline.SegmentJobSpec;
import io.segmentbeam.pipeline.SegmentMetrics;
import io.segmentbeam.pipeline.WriteSegmentFiles;
import io.segmentbeam.registry.SolutionVersion;
import io.segmentbeam.sharing.JobShared;
import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.storage.ListedFile;
import io.segmentbeam.storage.ListingException;
import io.segmentbeam.storage.StagingFolder;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runs one batch segment job: checks what can be checked before the pipeline starts, runs the
 * pipeline on the configured runner into the job's own staging folder, publishes the output files
 * once all are complete, and records ACTIVE or CREATE FAILED with a reason a user can act on. A
 * failed job removes its staging folder and nothing else, so it leaves the output path as it was.
 */
final class BatchSegmentJobRunner {

  /** The job's final metadata, the pipeline's counters and where its time went. */
  /** How a job ended; {@code published} is what it wrote (null unless ACTIVE). */
  record Outcome(BatchSegmentJob job, Map<String, Long> counters, JobTimings timings,
      JobOutputs.Published published) {}

  private final PipelineOptions options;

  BatchSegmentJobRunner(PipelineOptions options) {
    this.options = options;
  }

  /**
   * Runs the job; {@code onStatus} receives the job as each status is reached and persists it.
   * {@code run} holds its lease and tells whether it was stopped, which it checks between steps.
   */
  Outcome run(BatchSegmentJob job, SolutionVersion solutionVersion, FilterSpec filter, StatusListener onStatus,
      JobRun run) {
    JobStorage storage = JobStorage.of(options, job.jobOutput().s3DataDestination().kmsKeyArn());
    BatchSegmentJob running = job.withStatus(JobStatus.CREATE_IN_PROGRESS, null, Timestamps.now());
    onStatus.reached(running);
    String outputDirectory = JobLocations.folder(job.jobOutput().s3DataDestination().path());
    long startMillis = System.currentTimeMillis();
    StagingFolder staging = null;
    MetricQueryResults metrics;
    JobOutputs.Published published;
    long modelLoadMillis;
    long pipelineStartedAt;
    // The model and catalog stay loaded while this job runs, and go once no running job uses them.
    JobShared.Hold model = SegmentModels.hold(solutionVersion.model());
    JobShared.Hold items = solutionVersion.items() == null ? () -> { } : ItemCatalog.hold(solutionVersion.items());
    try {
      InputPrefix input = InputPrefix.of(job.jobInput().s3DataSource().path());
      List<ListedFile> inputFiles = listInput(job, input);
      run.checkNotStopped();
      int userShards = userShards(solutionVersion.model());
      long modelStart = System.currentTimeMillis();
      boolean inThisJvm = options.getRunner().getSimpleName().equals("DirectRunner");
      checkModel(solutionVersion, userShards, inThisJvm);
      modelLoadMillis = System.currentTimeMillis() - modelStart;
      checkFilter(solutionVersion, filter, userShards, inThisJvm);
      run.checkNotStopped();
      JobLocations.prepareOutput(options, outputDirectory, "jobOutput.s3DataDestination.path");
      staging = JobLocations.stage(storage, outputDirectory, job.jobName(), "jobOutput.s3DataDestination.path", run);
      JobLocations.checkEncryptionKey(storage, staging.folder());
      SegmentJobSpec spec = new SegmentJobSpec(storage, UUID.randomUUID().toString(), input, inputFiles,
          staging.filesFolder(), job.numResults(), solutionVersion.recipe(), solutionVersion.model(),
          options.as(SegmentJobOptions.class).getLiftInputLimits()
              ? InputLimit.NONE : InputLimit.of(solutionVersion.recipe()),
          solutionVersion.items(), filter, userShards, scoringThreads(inThisJvm));
      pipelineStartedAt = System.currentTimeMillis();
      PipelineResult result = runPipeline(spec, run);
      metrics = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.inNamespace(SegmentMetrics.NAMESPACE)).build());
      published = publish(staging, input, inputFiles, outputDirectory, run);
    } catch (JobFailure failure) {
      return failed(running, run.failureReason(failure.getMessage()), onStatus, run);
    } catch (RuntimeException unexpected) {
      return failed(running,
          run.failureReason("SegmentBeam failed unexpectedly: " + JobFailure.rootMessage(unexpected)), onStatus, run);
    } finally {
      // Only the job's own staging folder is removed: after a success it holds no more than the files replaced.
      if (staging != null) {
        JobLocations.removeStaging(options, staging);
      }
      model.close();
      items.close();
    }
    // The output is published: the job has succeeded. If the store cannot record it now, the error
    // goes to the caller and the run record (publishing) lets the next command record it ACTIVE.
    BatchSegmentJob active = running.withStatus(JobStatus.ACTIVE, null, Timestamps.now());
    onStatus.reached(active);
    run.ended();
    return new Outcome(active, counters(metrics),
        JobTimings.of(startMillis, modelLoadMillis, pipelineStartedAt, metrics, System.currentTimeMillis()),
        published);
  }

  /**
   * Moves the staged {@code .out} files into the output folder once all are there: one for every
   * input file, or the job fails having published nothing.
   */
  private static JobOutputs.Published publish(StagingFolder staging, InputPrefix input, List<ListedFile> inputFiles,
      String outputDirectory, JobRun run) throws JobFailure {
    try {
      Set<String> expected = new TreeSet<>();
      inputFiles.forEach(file -> expected.add(input.relativeName(file.path()) + WriteSegmentFiles.OUTPUT_SUFFIX));
      List<ListedFile> stagedFiles = staging.stagedFiles();
      List<String> stagedNames = stagedFiles.stream().map(ListedFile::path).toList();
      Set<String> staged = new TreeSet<>(stagedNames);
      if (!staged.equals(expected)) {
        expected.removeAll(staged);
        throw new JobFailure("The segment pipeline finished without writing " + expected.size() + " of the "
            + inputFiles.size() + " output files, e.g. " + expected.iterator().next() + "; nothing was published.");
      }
      run.publishing();
      staging.publish(stagedNames);
      return new JobOutputs.Published(outputDirectory, stagedFiles.stream()
          .map(file -> new JobOutputs.File(file.path(), file.sizeBytes()))
          .sorted(Comparator.comparing(JobOutputs.File::name)).toList());
    } catch (IOException e) {
      throw new JobFailure("Cannot move the finished output files into jobOutput.s3DataDestination.path "
          + outputDirectory + ": " + JobFailure.rootMessage(e) + "; nothing was published.", e);
    }
  }

  private static Outcome failed(BatchSegmentJob running, String reason, StatusListener onStatus, JobRun run) {
    BatchSegmentJob failed = running.withStatus(JobStatus.CREATE_FAILED, reason, Timestamps.now());
    onStatus.reached(failed);
    run.ended();
    return new Outcome(failed, Map.of(), JobTimings.NONE, null);
  }

  /** Persists a job's metadata each time its status changes. */
  interface StatusListener {
    void reached(BatchSegmentJob job);
  }

  /** The input files, listed once before anything is written; none fails the job. */
  private List<ListedFile> listInput(BatchSegmentJob job, InputPrefix input) throws JobFailure {
    String path = job.jobInput().s3DataSource().path();
    JobLocations.checkReadable(options, path, "jobInput.s3DataSource.path");
    List<ListedFile> files;
    try {
      files = input.files(options);
    } catch (ListingException e) {
      throw new JobFailure("Cannot read jobInput.s3DataSource.path " + path + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new JobFailure("No input files found under jobInput.s3DataSource.path " + path
          + ". Put one or more JSON-lines files under that prefix, or correct the path.");
    }
    return files;
  }

  /**
   * How many shards the model's users are split into, as its provider says for
   * {@code --userShardBytes}; 1 without a budget or for models that cannot be split.
   */
  private int userShards(ModelSpec model) throws JobFailure {
    try {
      return SegmentModels.provider(model.type()).userShards(model,
          options.as(SegmentJobOptions.class).getUserShardBytes());
    } catch (IOException | RuntimeException e) {
      throw new JobFailure("Cannot read the user factors of the model: " + JobFailure.rootMessage(e), e);
    }
  }

  /** {@code --scoringThreads}, else every core where this JVM scores, else one per slot. */
  private int scoringThreads(boolean inThisJvm) {
    Integer configured = options.as(SegmentJobOptions.class).getScoringThreads();
    if (configured != null) {
      return Math.max(1, configured);
    }
    return inThisJvm ? ScoringKernel.EVERY_CORE : 1;
  }

  /** The model as the job loads it: whole, or its first user shard (which the launcher checks instead). */
  private static ModelSpec firstPart(ModelSpec model, int userShards) {
    return userShards > 1 ? model.withUserShard(0, userShards) : model;
  }

  /**
   * Loads the model (or its first user shard) when the pipeline runs in this JVM, which then scores
   * with it; otherwise only checks it, reading as little as its provider can (a compact model's
   * headers), so that a model larger than this JVM's heap can be submitted to a cluster.
   */
  private static void checkModel(SolutionVersion solutionVersion, int userShards, boolean inThisJvm)
      throws JobFailure {
    ModelSpec model = firstPart(solutionVersion.model(), userShards);
    try {
      if (inThisJvm) {
        SegmentModels.shared(model);
      } else {
        SegmentModels.provider(model.type()).check(model);
      }
    } catch (IOException | RuntimeException e) {
      throw new JobFailure("Cannot load the model of solution version " + solutionVersion.solutionVersionArn()
          + ": " + JobFailure.rootMessage(e), e);
    } catch (OutOfMemoryError e) {
      // The half-loaded model is garbage now, so the job can still be recorded as failed.
      throw new JobFailure("The model of solution version " + solutionVersion.solutionVersionArn() + " does not fit "
          + "in this JVM's heap (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB). Give Java more memory "
          + "(-Xmx), or split its users into shards with --userShardBytes (needs a compact .sbf user factor file).", e);
    }
  }

  private static void checkFilter(SolutionVersion solutionVersion, FilterSpec filter, int userShards,
      boolean inThisJvm) throws JobFailure {
    if (filter == null) {
      return;
    }
    try {
      if (inThisJvm) {
        SegmentFilter.shared(filter, SegmentModels.shared(firstPart(solutionVersion.model(), userShards)));
      } else {
        SegmentFilter.check(filter);
      }
    } catch (IOException | InvalidFilterException | RuntimeException e) {
      throw new JobFailure("Cannot read the datasets of filter " + filter.filterArn() + ": "
          + JobFailure.rootMessage(e), e);
    }
  }

  private PipelineResult runPipeline(SegmentJobSpec spec, JobRun run) throws JobFailure {
    Pipeline pipeline = Pipeline.create(options);
    BatchSegmentPipeline.build(pipeline, spec);
    PipelineResult result;
    PipelineResult.State state;
    try (JobProgress.Reporting progress = JobProgress.report(spec.progressId(), spec.inputFiles().size(),
        options.as(SegmentJobOptions.class).getProgressIntervalSeconds(), System.err)) {
      result = pipeline.run();
      run.running(result);
      state = result.waitUntilFinish();
    } catch (RuntimeException e) {
      run.checkNotStopped();
      throw new JobFailure("The segment pipeline failed: " + JobFailure.rootMessage(e), e);
    }
    run.checkNotStopped();
    if (state != PipelineResult.State.DONE) {
      throw new JobFailure("The segment pipeline ended in state " + state + " instead of DONE.");
    }
    return result;
  }

  private static Map<String, Long> counters(MetricQueryResults metrics) {
    Map<String, Long> counters = new TreeMap<>();
    // A counter that never moved is not reported by runners; it still belongs in the summary.
    for (String name : List.of(SegmentMetrics.FILES_READ, SegmentMetrics.LINES_READ, SegmentMetrics.LINES_SCORED,
        SegmentMetrics.LINES_FAILED)) {
      counters.put(name, 0L);
    }
    for (MetricResult<Long> counter : metrics.getCounters()) {
      counters.merge(counter.getName().getName(), counter.getAttempted(), Long::sum);
    }
    return counters;
  }
}
