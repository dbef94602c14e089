package io.segmentbeam.jobs;

import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.StatusRecord;
import io.segmentbeam.store.JobRuns;
import io.segmentbeam.store.Runner;
import io.segmentbeam.storage.StagingFolder;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import io.segmentbeam.storage.JobStorage;

/**
 * Ends the jobs whose runner is gone (killed, its machine lost), as any command that reads them
 * finds them: a job that was publishing its complete output is finished and ACTIVE; any other is
 * CREATE FAILED, its staging folders removed. A runner is gone when this machine sees its process
 * has ended, or when its lease has gone unrenewed for {@link JobRun#LEASE_MILLIS}.
 *
 * <p>How a job that was publishing is finished depends on the job: output files are moved into
 * place ({@link #publish()}); an import's new dataset version is kept if it became current.
 *
 * @param <T> the job's API shape
 */
final class OrphanRecovery<T extends StatusRecord<T>> {
  private final JobRuns runs;
  private final Function<T, String> nameOf;
  private final Function<T, BigDecimal> createdOf;
  private final Consumer<T> persist;
  private final Function<T, JobStorage> storageOf;
  private final Finisher<T> finisher;

  /** Completes the publishing of a job whose runner died in it; true if the job is then ACTIVE. */
  @FunctionalInterface
  interface Finisher<T> {
    boolean finish(T job, JobRuns.Run run, JobStorage storage) throws IOException;
  }

  /** Moves each staging folder's files into the output folder, then removes the staging folder. */
  static <T> Finisher<T> publish() {
    return (job, run, storage) -> {
      for (String folder : run.staging()) {
        StagingFolder staging = StagingFolder.at(run.outputFolder(), folder, storage);
        staging.publish();
        staging.remove();
      }
      return true;
    };
  }

  /** @param storageOf how to reach a job's output (S3 access, its KMS key) */
  OrphanRecovery(JobRuns runs, Function<T, String> nameOf, Function<T, BigDecimal> createdOf, Consumer<T> persist,
      Function<T, JobStorage> storageOf, Finisher<T> finisher) {
    this.runs = runs;
    this.nameOf = nameOf;
    this.createdOf = createdOf;
    this.persist = persist;
    this.storageOf = storageOf;
    this.finisher = finisher;
  }

  /** The job as it stands: ended here if it was unfinished and its runner is gone. */
  T recover(T job) {
    if (!JobStatus.CREATE_PENDING.equals(job.status()) && !JobStatus.CREATE_IN_PROGRESS.equals(job.status())) {
      return job;
    }
    long now = System.currentTimeMillis();
    Optional<JobRuns.Run> run = runs.find(nameOf.apply(job));
    boolean gone = run.isPresent()
        ? run.get().runner().knownGoneFromHere() || now - run.get().heartbeatMillis() > JobRun.LEASE_MILLIS
        : now - createdOf.apply(job).movePointRight(3).longValue() > JobRun.LEASE_MILLIS;
    if (!gone) {
      return job;
    }
    return end(job, run, "The process running this job (" + run.map(r -> describe(r.runner())).orElse("unknown")
        + ") ended before the job finished; what it had staged was removed. Create the job again under a new name.");
  }

  /** Ends a job of this process that was stopped and did not end in time: CREATE FAILED with {@code reason}. */
  void abandon(T job, String reason) {
    end(job, runs.find(nameOf.apply(job)).map(JobRuns.Run::notPublishing), reason);
  }

  private T end(T job, Optional<JobRuns.Run> run, String failureReason) {
    JobStorage storage = storageOf.apply(job);
    boolean active;
    try {
      active = run.isPresent() && run.get().publishing() && finisher.finish(job, run.get(), storage);
    } catch (IOException e) {
      throw new IllegalStateException("cannot finish publishing the output of job " + nameOf.apply(job) + ": "
          + e.getMessage(), e);
    }
    if (!active && run.isPresent()) {
      run.get().staging().forEach(folder -> JobLocations.removeOrWarn(storage.options(), folder));
      try {
        StagingFolder.removeIfEmpty(run.get().madeFolders());
      } catch (IOException e) {
        System.err.println("warning: could not remove the folders job " + nameOf.apply(job) + " made: "
            + e.getMessage());
      }
    }
    T ended = active ? job.withStatus(JobStatus.ACTIVE, null, Timestamps.now())
        : job.withStatus(JobStatus.CREATE_FAILED, failureReason, Timestamps.now());
    persist.accept(ended);
    runs.remove(nameOf.apply(job));
    return ended;
  }

  private static String describe(Runner runner) {
    return "process " + runner.pid() + " on " + runner.host();
  }
}
