package io.segmentbeam.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads every file under the input prefix, line by line, each line keyed by its file's relative
 * name and numbered. Lines that cannot even be decoded go straight to {@link #REJECTED} as
 * finished output lines; the rest go to {@link #LINES} as text.
 */
public final class ReadInputLines extends PTransform<PBegin, PCollectionTuple> {
  /** (relative file name, (line number, line text)). */
  public static final TupleTag<KV<String, KV<Long, String>>> LINES = new TupleTag<>() {};
  /** (relative file name, (line number, error output line)). */
  public static final TupleTag<KV<String, KV<Long, String>>> REJECTED = new TupleTag<>() {};

  private final InputPrefix input;
  private final InputLimit limit;

  public ReadInputLines(InputPrefix input, InputLimit limit) {
    this.input = input;
    this.limit = limit;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    return begin
        .apply("MatchInputPrefix", FileIO.match().filepattern(input.filePattern())
            .withEmptyMatchTreatment(EmptyMatchTreatment.DISALLOW))
        .apply("OpenFiles", FileIO.readMatches())
        .apply("SplitLines", ParDo.of(new SplitLinesFn(input, limit)).withOutputTags(LINES, TupleTagList.of(REJECTED)));
  }

  static final class SplitLinesFn extends DoFn<FileIO.ReadableFile, KV<String, KV<Long, String>>> {
    private final InputPrefix input;
    private final InputLimit limit;
    private final Counter linesRead = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.LINES_READ);
    private final Counter linesFailed = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.LINES_FAILED);
    private final Counter filesRead = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.FILES_READ);

    SplitLinesFn(InputPrefix input, InputLimit limit) {
      this.input = input;
      this.limit = limit;
    }

    @ProcessElement
    public void process(@Element FileIO.ReadableFile file, MultiOutputReceiver out) throws IOException {
      MatchResult.Metadata metadata = file.getMetadata();
      String path = metadata.resourceId().toString();
      // Zero-byte objects are S3 folder markers, not input files.
      if (metadata.sizeBytes() == 0 || path.endsWith("/")) {
        return;
      }
      String name = input.relativeName(path);
      filesRead.inc();
      JobProgress.fileRead();
      try (InputStream in = new BufferedInputStream(Channels.newInputStream(file.open()), 1 << 16)) {
        LineReader reader = new LineReader(in);
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
          if (limit.exceededBy(line.number())) {
            // Failing the job, as a quota does, rather than serving part of the file.
            throw new IllegalStateException(limit.failure(name));
          }
          linesRead.inc();
          JobProgress.lineRead();
          if (line.error() == null) {
            out.get(LINES).output(KV.of(name, KV.of(line.number(), line.text())));
          } else {
            linesFailed.inc();
            JobProgress.linesDone(1);
            JsonNode echo = line.text() == null ? null : TextNode.valueOf(line.text());
            out.get(REJECTED).output(KV.of(name, KV.of(line.number(), OutputLines.error(echo, line.error()))));
          }
        }
      }
    }
  }
}
