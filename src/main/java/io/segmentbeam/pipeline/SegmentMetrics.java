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
  public static final String BATCH_SIZE = "batchSize";
}
