package io.segmentbeam.jobs;

import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.LimitExceededException;
import io.segmentbeam.api.StatusRecord;
import io.segmentbeam.store.Resources;

/**
 * How many jobs of one kind may be pending or in progress at once in a region, as Personalize's
 * quotas say (5 batch segment jobs by default): a create beyond it is LimitExceededException.
 * Jobs whose runner is gone are ended first, so they do not count. The count is read from the
 * store, so the command line and the endpoint share it; two creates racing for the last place
 * may both get it.
 */
record JobQuota(String jobs, int limit) {

  <T extends StatusRecord<T>> void check(Resources<T> resources, OrphanRecovery<T> orphans) {
    long unfinished = resources.matching(job -> unfinished(job.status())).stream()
        .map(orphans::recover).filter(job -> unfinished(job.status())).count();
    if (unfinished >= limit) {
      throw new LimitExceededException("There are already " + unfinished + " " + jobs + " pending or in progress, "
          + "the most allowed at once (" + limit + "). Wait for one to end, then create the job again.");
    }
  }

  private static boolean unfinished(String status) {
    return JobStatus.CREATE_PENDING.equals(status) || JobStatus.CREATE_IN_PROGRESS.equals(status);
  }
}
