package io.segmentbeam.pipeline;

import org.apache.beam.sdk.metrics.DistributionResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;

/**
 * Where a job's time went, in epoch milliseconds and durations: when it started, how long its
 * model took to load, when its pipeline started, when scoring was first set up, the time spent
 * scoring batches (summed over batches) and how many batches, when the last batch was scored, and
 * when it finished. Zero where a job never got that far.
 */
public record JobTimings(long startedAt, long modelLoadMillis, long pipelineStartedAt, long setupStartedAt,
    long scoringMillis, long batches, long scoringEndedAt, long finishedAt) {

  public static final JobTimings NONE = new JobTimings(0, 0, 0, 0, 0, 0, 0, 0);

  /** The timings, with what only the pipeline's metrics know read from them. */
  public static JobTimings of(long startedAt, long modelLoadMillis, long pipelineStartedAt, MetricQueryResults metrics,
      long finishedAt) {
    long setupStarted = 0;
    long scoring = 0;
    long batches = 0;
    long scoringEnded = 0;
    for (MetricResult<DistributionResult> distribution : metrics.getDistributions()) {
      DistributionResult value = distribution.getAttempted();
      if (value.getCount() == 0) {
        continue;
      }
      switch (distribution.getName().getName()) {
        case SegmentMetrics.SETUP_STARTED_AT -> setupStarted = value.getMin();
        case SegmentMetrics.SCORING_MILLIS -> {
          scoring += value.getSum();
          batches += value.getCount();
        }
        case SegmentMetrics.SCORING_ENDED_AT -> scoringEnded = Math.max(scoringEnded, value.getMax());
        default -> { }
      }
    }
    return new JobTimings(startedAt, modelLoadMillis, pipelineStartedAt, setupStarted, scoring, batches, scoringEnded,
        finishedAt);
  }
}
