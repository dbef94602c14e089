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
}
