package io.segmentbeam.jobs;

import io.segmentbeam.store.JobRuns;
import io.segmentbeam.store.Runner;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.beam.sdk.PipelineResult;

/**
 * One run of a job in this process: its lease in the store (renewed while it runs), what it has
 * staged, and how it is stopped. A stop (a signal to the process) and publishing exclude each
 * other: once a job starts moving its complete output into place it finishes, and a job that was
 * stopped never starts to.
 */
final class JobRun implements AutoCloseable {
  /** How often a runner renews its lease. */
  static final long RENEW_MILLIS = 10_000;
  /** How long a lease lasts unrenewed before any command may take its job's runner for gone. */
  static final long LEASE_MILLIS = 60_000;

  private enum Phase { RUNNING, PUBLISHING, STOPPED, ENDED }

  private final JobRuns runs;
  private final String jobName;
  private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.RUNNING);
  private final CountDownLatch ended = new CountDownLatch(1);
  private final ScheduledExecutorService lease;
  private final Runnable abandon;
  private JobRuns.Run record;
  private volatile PipelineResult pipeline;
  private volatile String stopReason;
  private volatile boolean endRecorded;

  /**
   * Records the run and starts renewing its lease.
   *
   * @param abandon ends the job CREATE FAILED and removes what it staged, for a stop that the job's
   *     own thread does not finish in time
   */
  JobRun(JobRuns runs, String jobName, Runnable abandon) {
    this.runs = runs;
    this.jobName = jobName;
    this.abandon = abandon;
    this.record = JobRuns.Run.start(Runner.current(), System.currentTimeMillis());
    runs.put(jobName, record);
    lease = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "lease-" + jobName);
      thread.setDaemon(true);
      return thread;
    });
    lease.scheduleAtFixedRate(this::renew, RENEW_MILLIS, RENEW_MILLIS, TimeUnit.MILLISECONDS);
    RunningJobs.PROCESS.add(this);
  }

  /**
   * Records a folder the job is about to write in, before anything is written there, so that
   * recovery can remove it; {@code outputFolder} is where it is published to, or null;
   * {@code madeFolders} are the folders that will be made to hold it.
   */
  synchronized void staged(String folder, String outputFolder, List<String> madeFolders) {
    record = record.staged(outputFolder, folder, madeFolders);
    runs.put(jobName, record);
  }

  /** The pipeline now running, cancelled if the job is stopped; a job stopped already cancels it at once. */
  void running(PipelineResult result) {
    pipeline = result;
    if (phase.get() == Phase.STOPPED) {
      cancel(result);
    }
  }

  /** Throws the stop's failure if the job was stopped; jobs call it between their steps. */
  void checkNotStopped() throws JobFailure {
    if (phase.get() == Phase.STOPPED) {
      throw new JobFailure(stopReason);
    }
  }

  /** The reason the job was stopped, or null. */
  String stopReason() {
    return phase.get() == Phase.STOPPED ? stopReason : null;
  }

  /** The failure reason to record: the stop's, if the job was stopped (whatever failed then), else {@code own}. */
  String failureReason(String own) {
    String stopped = stopReason();
    return stopped != null ? stopped : own;
  }

  /**
   * Marks the start of publishing, in the store too, so that a runner that dies from here on has
   * its output finished rather than removed. Fails if the job was stopped first.
   */
  synchronized void publishing() throws JobFailure {
    if (!phase.compareAndSet(Phase.RUNNING, Phase.PUBLISHING)) {
      checkNotStopped();
    }
    record = record.publishingNow();
    runs.put(jobName, record);
  }

  /** Stops the job: it ends CREATE FAILED with {@code reason} unless it is already publishing. */
  void stop(String reason) {
    stopReason = reason;
    if (phase.compareAndSet(Phase.RUNNING, Phase.STOPPED) && pipeline != null) {
      cancel(pipeline);
    }
  }

  /**
   * Waits for the job's own thread to end it; if it has not recorded the job's end within
   * {@code graceMillis} (still running, or stopped before it started), ends it here: CREATE FAILED
   * with the stop's reason, its staging removed.
   */
  void awaitEnd(long graceMillis) throws InterruptedException {
    ended.await(graceMillis, TimeUnit.MILLISECONDS);
    if (!endRecorded && stopReason() != null) {
      abandon.run();
      runs.remove(jobName);
    }
  }

  /** The job's final status (ACTIVE or CREATE FAILED) is in the store: the run record can go. */
  void ended() {
    endRecorded = true;
  }

  /**
   * The run is over. Its record is removed if the job's end was recorded; otherwise (the store
   * failed it) the record stays, so that the next command ends the job as it stands.
   */
  @Override
  public void close() {
    lease.shutdownNow();
    RunningJobs.PROCESS.remove(this);
    try {
      if (endRecorded) {
        runs.remove(jobName);
      }
    } finally {
      phase.set(Phase.ENDED);
      ended.countDown();
    }
  }

  private synchronized void renew() {
    try {
      record = record.renewed(System.currentTimeMillis());
      runs.put(jobName, record);
    } catch (RuntimeException e) {
      // The store cannot be written: the next renewal tries again; a later command ends the job if none succeeds.
      System.err.println("warning: could not renew the lease of job " + jobName + ": " + e.getMessage());
    }
  }

  private static void cancel(PipelineResult result) {
    try {
      result.cancel();
    } catch (Exception e) {
      // A runner that cannot cancel runs on; the stop waits for it, then ends the job itself.
    }
  }
}
