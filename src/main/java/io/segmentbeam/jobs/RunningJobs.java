package io.segmentbeam.jobs;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The jobs this process is running, so that a signal that ends the process (Ctrl-C, {@code kill})
 * ends each of them first: CREATE FAILED with a reason that says so, its staging removed, within
 * a bounded wait. Signals reach a process, not a job, hence one registry per process; it holds
 * only the runs themselves, never a job's data.
 */
final class RunningJobs {
  static final RunningJobs PROCESS = new RunningJobs();
  /** How long a stop waits for each job to end on its own before ending it itself. */
  static final long GRACE_MILLIS = 20_000;
  static final String STOPPED = "The job was stopped before it finished: its process received a signal to end "
      + "(Ctrl-C, kill or a shutdown). What it had written was removed; create it again under a new name.";

  private final Set<JobRun> runs = ConcurrentHashMap.newKeySet();

  private RunningJobs() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop-jobs"));
  }

  void add(JobRun run) {
    runs.add(run);
  }

  void remove(JobRun run) {
    runs.remove(run);
  }

  private void stopAll() {
    List<JobRun> running = List.copyOf(runs);
    running.forEach(run -> run.stop(STOPPED));
    for (JobRun run : running) {
      try {
        run.awaitEnd(GRACE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        System.err.println("warning: could not end a stopped job: " + e.getMessage());
      }
    }
  }
}
