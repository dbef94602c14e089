package io.segmentbeam.store;

import io.segmentbeam.api.ApiJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Who is running each unfinished job, kept beside the jobs' API documents (which hold exactly the
 * API shape): {@code <home>/job-runs/<region>/<account>/<resource type>/<job name>.json}. A runner
 * records itself before it writes anything and renews the record while it runs (a lease), so that
 * any command, on any machine sharing the store, can tell a job whose runner is gone and end it.
 */
public final class JobRuns {
  private final Documents folder;

  public JobRuns(Documents home, ArnScope scope, String resourceType) {
    this.folder = home.folder("job-runs").folder(scope.region()).folder(scope.accountId()).folder(resourceType);
  }

  /**
   * The record of one run of a job.
   *
   * @param runner the process running the job
   * @param heartbeatMillis when the runner last renewed the record (epoch milliseconds)
   * @param publishing whether the job's output was complete and is being moved into place, so that
   *     a job found orphaned in this phase is finished rather than rolled back
   * @param outputFolder the folder the job publishes into, or null
   * @param staging the staging folders the job writes in, removed if it is found orphaned
   * @param madeFolders local folders the job made to hold its output, outermost first, removed
   *     (if empty) when it is found orphaned without having published
   */
  public record Run(Runner runner, long heartbeatMillis, boolean publishing, String outputFolder, List<String> staging,
      List<String> madeFolders) {
    public static Run start(Runner runner, long nowMillis) {
      return new Run(runner, nowMillis, false, null, List.of(), List.of());
    }

    public Run renewed(long nowMillis) {
      return new Run(runner, nowMillis, publishing, outputFolder, staging, madeFolders);
    }

    public Run staged(String newOutputFolder, String stagingFolder, List<String> made) {
      List<String> all = new ArrayList<>(staging);
      all.add(stagingFolder);
      List<String> allMade = new ArrayList<>(madeFolders);
      allMade.addAll(made);
      return new Run(runner, heartbeatMillis, publishing, newOutputFolder, List.copyOf(all), List.copyOf(allMade));
    }

    public Run publishingNow() {
      return new Run(runner, heartbeatMillis, true, outputFolder, staging, madeFolders);
    }

    public Run notPublishing() {
      return new Run(runner, heartbeatMillis, false, outputFolder, staging, madeFolders);
    }
  }

  /** Records or replaces a job's run. */
  public void put(String jobName, Run run) {
    try {
      folder.replace(jobName + ".json", ApiJson.mapper().writeValueAsBytes(run));
    } catch (IOException e) {
      throw StoreFailures.cannotWrite(folder, e);
    }
  }

  public Optional<Run> find(String jobName) {
    try {
      Optional<byte[]> content = folder.read(jobName + ".json");
      return content.isEmpty() ? Optional.empty() : Optional.of(ApiJson.mapper().readValue(content.get(), Run.class));
    } catch (IOException e) {
      throw StoreFailures.cannotRead(folder, e);
    }
  }

  /** Forgets a job's run, once the job has ended. */
  public void remove(String jobName) {
    try {
      folder.delete(jobName + ".json");
    } catch (IOException e) {
      throw StoreFailures.cannotWrite(folder, e);
    }
  }
}
