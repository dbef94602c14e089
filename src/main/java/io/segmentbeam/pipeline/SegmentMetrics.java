package io.segmentbeam.pipeline;

/** Names of the Beam metrics a batch segment pipeline reports. */
public final class SegmentMetrics {
  private SegmentMetrics() {}

  public static final String NAMESPACE = "segmentbeam";
  public static final String FILES_READ = "filesRead";
  public static final String LINES_READ = "linesRead";
  public static final String LINES_SCORED = "linesScored";
  public static final String LINES_FAILED = "linesFailed";
  public static final String MODEL_LOAD_MILLIS = "modelLoadMillis";
  /** User shards scored, when a model's users are split (reported only then). */
  public static final String USER_SHARDS_SCORED = "userShardsScored";
  public static final String BATCH_SIZE = "batchSize";
  /** Wall-clock time of each batch's scoring, filter included. */
  public static final String SCORING_MILLIS = "scoringMillis";
  /** When a worker began setting up its scorer (epoch milliseconds). */
  public static final String SETUP_STARTED_AT = "setupStartedAt";
  /** When a batch finished scoring (epoch milliseconds). */
  public static final String SCORING_ENDED_AT = "scoringEndedAt";
}
