package io.segmentbeam.jobs;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The jobs this process is running, so that a signal that ends the process (Ctrl-C, {@code kill})
 * ends each of them first: CREATE FAILED with a reason that says so, its staging removed, within
 * a bounded wait. Signals reach a process, not a job, hence one registry per process; it holds
 * only the runs themselves, never a job's data.
 */
public final class RunningJobs {
  static final RunningJobs PROCESS = new RunningJobs();
  /** How long a stop waits for the stopped jobs to end on their own before ending them itself. */
  static final long GRACE_MILLIS = 20_000;
  static final String STOPPED = "The job was stopped before it finished: its process received a signal to end "
      + "(Ctrl-C, kill or a shutdown). What it had written was removed; create it again under a new name.";

  private final Set<JobRun> runs = ConcurrentHashMap.newKeySet();
  private final List<Runnable> afterJobsEnd = new CopyOnWriteArrayList<>();
  private volatile long finishMillis;

  private RunningJobs() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop-jobs"));
  }

  /**
   * Lets the jobs running when the process is asked to end go on for up to {@code millis} before
   * they are stopped: the endpoint's grace period (the command line stops its job at once).
   */
  public static void letRunningJobsFinishWithin(long millis) {
    PROCESS.finishMillis = millis;
  }

  /** Runs {@code action} when the process ends, after its jobs have: e.g. stops the S3 server they write to. */
  public static void afterJobsEnd(Runnable action) {
    PROCESS.afterJobsEnd.add(action);
  }

  void add(JobRun run) {
    runs.add(run);
  }

  void remove(JobRun run) {
    runs.remove(run);
  }

  private void stopAll() {
    try {
      stopJobs();
    } finally {
      afterJobsEnd.forEach(Runnable::run);
    }
  }

  private void stopJobs() {
    long finishBy = System.currentTimeMillis() + finishMillis;
    try {
      while (!runs.isEmpty() && System.currentTimeMillis() < finishBy) {
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<JobRun> running = List.copyOf(runs);
    running.forEach(run -> run.stop(STOPPED));
    long stopBy = System.currentTimeMillis() + GRACE_MILLIS;
    for (JobRun run : running) {
      try {
        run.awaitEnd(Math.max(0, stopBy - System.currentTimeMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        System.err.println("warning: could not end a stopped job: " + e.getMessage());
      }
    }
  }
}
