package io.segmentbeam.jobs;

import io.segmentbeam.api.BatchSegmentJob;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.filter.SegmentFilter;
import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.SegmentModels;
import io.segmentbeam.pipeline.BatchSegmentPipeline;
import io.segmentbeam.pipeline.InputLimit;
import io.segmentbeam.pipeline.JobProgress;
import io.segmentbeam.pipeline.JobTimings;
import io.segmentbeam.pipeline.InputPrefix;
import io.segmentbeam.pipeline.SegmentJobOptions;
import io.segmentbeam.pipeline.SegmentJobSpec;
import io.segmentbeam.pipeline.SegmentMetrics;
import io.segmentbeam.registry.SolutionVersion;
import io.segmentbeam.s3.OutputEncryption;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Runs one batch segment job: checks what can be checked before the pipeline starts, runs the
 * pipeline on the configured runner, and records ACTIVE or CREATE FAILED with a reason a user can
 * act on. A failed job's staged files are removed, so it leaves no output behind.
 */
final class BatchSegmentJobRunner {

  /** The job's final metadata, the pipeline's counters and where its time went. */
  record Outcome(BatchSegmentJob job, Map<String, Long> counters, JobTimings timings) {}

  private final PipelineOptions options;

  BatchSegmentJobRunner(PipelineOptions options) {
    this.options = options;
  }

  /**
   * Runs the job; {@code onStatus} receives the job as each status is reached and persists it.
   */
  Outcome run(BatchSegmentJob job, SolutionVersion solutionVersion, FilterSpec filter, StatusListener onStatus) {
    OutputEncryption.apply(options, job.jobOutput().s3DataDestination().kmsKeyArn());
    FileSystems.setDefaultPipelineOptions(options);
    BatchSegmentJob running = job.withStatus(JobStatus.CREATE_IN_PROGRESS, null, Timestamps.now());
    onStatus.reached(running);
    String outputDirectory = JobLocations.folder(job.jobOutput().s3DataDestination().path());
    String staging = StagingArea.of(outputDirectory, job.jobName());
    long startMillis = System.currentTimeMillis();
    boolean succeeded = false;
    boolean writing = false;
    try {
      SegmentJobSpec spec = new SegmentJobSpec(InputPrefix.of(job.jobInput().s3DataSource().path()),
          outputDirectory, staging, job.numResults(), solutionVersion.recipe(), solutionVersion.model(),
          options.as(SegmentJobOptions.class).getLiftInputLimits()
              ? InputLimit.NONE : InputLimit.of(solutionVersion.recipe()),
          solutionVersion.items(), filter, userShards(solutionVersion.model()));
      long inputFiles = checkInput(job, spec.input());
      long modelStart = System.currentTimeMillis();
      checkModel(solutionVersion, spec.userShards());
      long modelLoadMillis = System.currentTimeMillis() - modelStart;
      checkFilter(solutionVersion, filter, spec.userShards());
      JobLocations.prepareOutput(options, outputDirectory, "jobOutput.s3DataDestination.path");
      writing = true;
      JobLocations.checkEncryptionKey(staging, job.jobOutput().s3DataDestination().kmsKeyArn());
      long pipelineStartedAt = System.currentTimeMillis();
      PipelineResult result = runPipeline(spec, inputFiles);
      MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder()
          .addNameFilter(MetricNameFilter.inNamespace(SegmentMetrics.NAMESPACE)).build());
      succeeded = true;
      cleanUp(staging, outputDirectory, startMillis, false);
      BatchSegmentJob active = running.withStatus(JobStatus.ACTIVE, null, Timestamps.now());
      onStatus.reached(active);
      return new Outcome(active, counters(metrics),
          JobTimings.of(startMillis, modelLoadMillis, pipelineStartedAt, metrics, System.currentTimeMillis()));
    } catch (JobFailure failure) {
      return failed(running, failure.getMessage(), onStatus);
    } catch (RuntimeException unexpected) {
      return failed(running, "SegmentBeam failed unexpectedly: " + JobFailure.rootMessage(unexpected), onStatus);
    } finally {
      // A job that failed before writing anything has nothing to remove.
      if (!succeeded && writing) {
        cleanUp(staging, outputDirectory, startMillis, true);
      }
    }
  }

  /**
   * Removes the staging folder and, for a failed job, every {@code .out} file it finished, so that
   * a failed job leaves no partial output. While the storage cannot be reached (a server restart,
   * a network blip), it keeps trying for {@code --cleanupTimeoutSeconds}.
   */
  private void cleanUp(String staging, String outputDirectory, long startMillis, boolean failed) {
    long deadline = System.nanoTime() + options.as(SegmentJobOptions.class).getCleanupTimeoutSeconds() * 1_000_000_000L;
    for (long waitMillis = 250; ; waitMillis = Math.min(waitMillis * 2, 5_000)) {
      try {
        StagingArea.delete(staging);
        if (failed) {
          StagingArea.deleteOutputsWrittenSince(outputDirectory, startMillis);
        }
        return;
      } catch (IOException | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          System.err.println("warning: could not remove what the job wrote under " + outputDirectory + ": "
              + JobFailure.rootMessage(e));
          return;
        }
      }
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static Outcome failed(BatchSegmentJob running, String reason, StatusListener onStatus) {
    BatchSegmentJob failed = running.withStatus(JobStatus.CREATE_FAILED, reason, Timestamps.now());
    onStatus.reached(failed);
    return new Outcome(failed, Map.of(), JobTimings.NONE);
  }

  /** Persists a job's metadata each time its status changes. */
  interface StatusListener {
    void reached(BatchSegmentJob job);
  }

  /** Checks there is input under the prefix; returns how many files. */
  private long checkInput(BatchSegmentJob job, InputPrefix input) throws JobFailure {
    String path = job.jobInput().s3DataSource().path();
    JobLocations.checkReadable(options, path, "jobInput.s3DataSource.path");
    try {
      MatchResult match = FileSystems.match(input.filePattern(), EmptyMatchTreatment.ALLOW);
      long files = match.status() != MatchResult.Status.OK ? 0
          : match.metadata().stream().filter(m -> m.sizeBytes() > 0 && !m.resourceId().isDirectory()).count();
      if (files == 0) {
        throw new JobFailure("No input files found under jobInput.s3DataSource.path " + path
            + ". Put one or more JSON-lines files under that prefix, or correct the path.");
      }
      return files;
    } catch (IOException | IllegalArgumentException e) {
      throw new JobFailure("Cannot read jobInput.s3DataSource.path " + path + ": " + JobFailure.rootMessage(e), e);
    }
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

  /** The model as the job loads it: whole, or its first user shard (which the launcher checks instead). */
  private static ModelSpec firstPart(ModelSpec model, int userShards) {
    return userShards > 1 ? model.withUserShard(0, userShards) : model;
  }

  private static void checkModel(SolutionVersion solutionVersion, int userShards) throws JobFailure {
    try {
      SegmentModels.shared(firstPart(solutionVersion.model(), userShards));
    } catch (RuntimeException e) {
      throw new JobFailure("Cannot load the model of solution version " + solutionVersion.solutionVersionArn()
          + ": " + JobFailure.rootMessage(e), e);
    } catch (OutOfMemoryError e) {
      // The half-loaded model is garbage now, so the job can still be recorded as failed.
      throw new JobFailure("The model of solution version " + solutionVersion.solutionVersionArn() + " does not fit "
          + "in this JVM's heap (" + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB). Give Java more memory "
          + "(-Xmx), or split its users into shards with --userShardBytes (needs a compact .sbf user factor file).", e);
    }
  }

  private static void checkFilter(SolutionVersion solutionVersion, FilterSpec filter, int userShards)
      throws JobFailure {
    if (filter == null) {
      return;
    }
    try {
      SegmentFilter.shared(filter, SegmentModels.shared(firstPart(solutionVersion.model(), userShards)));
    } catch (RuntimeException e) {
      throw new JobFailure("Cannot read the datasets of filter " + filter.filterArn() + ": "
          + JobFailure.rootMessage(e), e);
    }
  }

  private PipelineResult runPipeline(SegmentJobSpec spec, long inputFiles) throws JobFailure {
    Pipeline pipeline = Pipeline.create(options);
    BatchSegmentPipeline.build(pipeline, spec);
    PipelineResult result;
    PipelineResult.State state;
    try (JobProgress.Reporting progress = JobProgress.report(inputFiles,
        options.as(SegmentJobOptions.class).getProgressIntervalSeconds(), System.err)) {
      result = pipeline.run();
      state = result.waitUntilFinish();
    } catch (RuntimeException e) {
      throw new JobFailure("The segment pipeline failed: " + JobFailure.rootMessage(e), e);
    }
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
