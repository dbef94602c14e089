package io.segmentbeam.pipeline;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;

/** SegmentBeam's own pipeline options, read once when a job starts and turned into its spec. */
public interface SegmentJobOptions extends PipelineOptions {

  @Description("Lift Personalize's per-file input limits (500 itemId or 10 itemAttributes queries per input "
      + "file) for a local experiment. Personalize itself keeps them.")
  @Default.Boolean(false)
  boolean getLiftInputLimits();

  void setLiftInputLimits(boolean value);

  @Description("How long a failed job keeps trying to remove its staging folder while the output's storage "
      + "cannot be reached, so that a brief outage leaves nothing behind.")
  @Default.Integer(60)
  int getCleanupTimeoutSeconds();

  void setCleanupTimeoutSeconds(int seconds);

  @Description("Memory budget, in bytes, for one worker's share of the model's user vectors: a model whose "
      + "vectors are larger is scored in user shards no larger than this (needs a compact .sbf user factor "
      + "file); 0 scores every model whole.")
  @Default.Long(0)
  long getUserShardBytes();

  void setUserShardBytes(long bytes);

  @Description("Threads each instance of the scoring step scores a batch of lines with, at most its worker's "
      + "cores. Default: every core on the Direct runner, which runs one instance at a time; 1 on other runners, "
      + "which run an instance in every slot, so that a worker uses as many cores as it has slots.")
  Integer getScoringThreads();

  void setScoringThreads(Integer threads);

  @Description("Seconds between the progress lines a running job prints on stderr (lines done, rate, time left); "
      + "0 turns them off.")
  @Default.Integer(10)
  int getProgressIntervalSeconds();

  void setProgressIntervalSeconds(int seconds);
}
