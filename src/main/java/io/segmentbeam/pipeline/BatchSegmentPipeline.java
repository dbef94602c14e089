package io.segmentbeam.pipeline;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The batch segment job as a Beam pipeline: read every line of the listed input files, turn each
 * line into exactly one output line (users, or an error), and write {@code <input>.out} files.
 */
public final class BatchSegmentPipeline {
  private BatchSegmentPipeline() {}

  /** Adds the job's transforms to {@code pipeline}; the result holds the names of the files written. */
  public static PCollection<String> build(Pipeline pipeline, SegmentJobSpec spec) {
    PCollectionTuple lines = pipeline.apply("ReadInputLines", new ReadInputLines(spec.storage(),
        spec.progressId(), spec.input(), spec.inputFiles(), spec.inputLimit()));
    return PCollectionList
        .of(lines.get(ReadInputLines.LINES)
            .apply("ScoreSegments", new ScoreSegments(spec.model(), spec.recipe(), spec.numResults(), spec.items(),
                spec.filter(), spec.userShards(), spec.scoringThreads(), spec.progressId())))
        .and(lines.get(ReadInputLines.REJECTED))
        .apply("AllOutputLines", Flatten.pCollections())
        .apply("WriteSegmentFiles", new WriteSegmentFiles(spec.storage(), spec.outputDirectory()));
  }
}
