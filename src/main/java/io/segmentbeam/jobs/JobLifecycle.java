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

  /** The job's work; a JobFailure's message becomes the failureReason. */
  @FunctionalInterface
  interface Work {
    void run() throws JobFailure;
  }

  /** Runs the work of a job recorded as CREATE PENDING; {@code persist} stores each status reached. */
  static <T extends StatusRecord<T>> T run(T pending, Consumer<T> persist, Work work) {
    T running = pending.withStatus(JobStatus.CREATE_IN_PROGRESS, null, Timestamps.now());
    persist.accept(running);
    String failure;
    try {
      work.run();
      T active = running.withStatus(JobStatus.ACTIVE, null, Timestamps.now());
      persist.accept(active);
      return active;
    } catch (JobFailure e) {
      failure = e.getMessage();
    } catch (RuntimeException e) {
      failure = "SegmentBeam failed unexpectedly: " + JobFailure.rootMessage(e);
    }
    T failed = running.withStatus(JobStatus.CREATE_FAILED, failure, Timestamps.now());
    persist.accept(failed);
    return failed;
  }
}
