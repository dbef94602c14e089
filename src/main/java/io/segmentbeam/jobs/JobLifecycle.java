package io.segmentbeam.jobs;

import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.StatusRecord;
import java.util.function.Consumer;

/**
 * Moves a recorded job through its statuses: CREATE IN_PROGRESS while its work runs, then ACTIVE,
 * or CREATE FAILED with the reason the work gave (or what went wrong unexpectedly).
 */
final class JobLifecycle {
  private JobLifecycle() {}

  /** The job's work, given its run to record what it stages; a JobFailure's message becomes the failureReason. */
  @FunctionalInterface
  interface Work {
    void run(JobRun run) throws JobFailure;
  }

  /**
   * Runs the work of a job recorded as CREATE PENDING under its lease; {@code persist} stores each
   * status reached. A job stopped by a signal ends CREATE FAILED saying so.
   */
  static <T extends StatusRecord<T>> T run(T pending, Consumer<T> persist, JobRun run, Work work) {
    T running = pending.withStatus(JobStatus.CREATE_IN_PROGRESS, null, Timestamps.now());
    persist.accept(running);
    String failure = null;
    try {
      work.run(run);
      run.checkNotStopped();
    } catch (JobFailure e) {
      failure = run.failureReason(e.getMessage());
    } catch (RuntimeException e) {
      failure = run.failureReason("SegmentBeam failed unexpectedly: " + JobFailure.rootMessage(e));
    }
    // Once the work is done its result is in place: a store that cannot record ACTIVE now throws,
    // and the run record lets the next command record it, rather than this job saying it failed.
    T ended = failure == null ? running.withStatus(JobStatus.ACTIVE, null, Timestamps.now())
        : running.withStatus(JobStatus.CREATE_FAILED, failure, Timestamps.now());
    persist.accept(ended);
    run.ended();
    return ended;
  }
}
