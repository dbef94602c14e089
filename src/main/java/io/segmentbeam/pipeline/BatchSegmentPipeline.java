package io.segmentbeam.pipeline;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.WriteFilesResult;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The batch segment job as a Beam pipeline: read every line under the input prefix, turn each
 * line into exactly one output line (users, or an error), and write {@code <input>.out} files.
 */
public final class BatchSegmentPipeline {
  private BatchSegmentPipeline() {}

  /** Adds the job's transforms to {@code pipeline}. */
  public static WriteFilesResult<String> build(Pipeline pipeline, SegmentJobSpec spec) {
    PCollectionTuple lines = pipeline.apply("ReadInputLines", new ReadInputLines(spec.input(), spec.inputLimit()));
    return PCollectionList
        .of(lines.get(ReadInputLines.LINES)
            .apply("ScoreSegments", new ScoreSegments(spec.model(), spec.recipe(), spec.numResults(), spec.items(),
                spec.filter(), spec.userShards())))
        .and(lines.get(ReadInputLines.REJECTED))
        .apply("AllOutputLines", Flatten.pCollections())
        .apply("WriteSegmentFiles", new WriteSegmentFiles(spec.outputDirectory(), spec.tempDirectory()));
  }
}
