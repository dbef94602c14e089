package io.segmentbeam.pipeline;

import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.storage.StorageDoFn;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.segmentbeam.storage.ListedFile;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads the listed input files, line by line, each line keyed by its file's relative
 * name and numbered. Lines that cannot even be decoded go straight to {@link #REJECTED} as
 * finished output lines; the rest go to {@link #LINES} as text.
 */
public final class ReadInputLines extends PTransform<PBegin, PCollectionTuple> {
  /** (relative file name, (line number, line text)). */
  public static final TupleTag<KV<String, KV<Long, String>>> LINES = new TupleTag<>() {};
  /** (relative file name, (line number, error output line)). */
  public static final TupleTag<KV<String, KV<Long, String>>> REJECTED = new TupleTag<>() {};

  private final JobStorage storage;
  private final String progressId;
  private final InputPrefix input;
  private final List<ListedFile> files;
  private final InputLimit limit;

  /** @param files the files to read, as the job listed them: the pipeline matches no pattern itself */
  public ReadInputLines(JobStorage storage, String progressId, InputPrefix input, List<ListedFile> files, InputLimit limit) {
    this.storage = storage;
    this.progressId = progressId;
    this.input = input;
    this.files = List.copyOf(files);
    this.limit = limit;
  }

  @Override
  public PCollectionTuple expand(PBegin begin) {
    return begin
        .apply("ListedInputFiles", Create.of(files.stream().map(ListedFile::path).toList())
            .withCoder(StringUtf8Coder.of()))
        .apply("SpreadFiles", Reshuffle.viaRandomKey())
        .apply("SplitLines", ParDo.of(new SplitLinesFn(storage, progressId, input, limit)).withOutputTags(LINES, TupleTagList.of(REJECTED)));
  }

  static final class SplitLinesFn extends StorageDoFn<String, KV<String, KV<Long, String>>> {
    private final String progressId;
    private final InputPrefix input;
    private final InputLimit limit;
    private transient JobProgress progress;
    private final Counter linesRead = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.LINES_READ);
    private final Counter linesFailed = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.LINES_FAILED);
    private final Counter filesRead = Metrics.counter(SegmentMetrics.NAMESPACE, SegmentMetrics.FILES_READ);

    SplitLinesFn(JobStorage storage, String progressId, InputPrefix input, InputLimit limit) {
      super(storage);
      this.progressId = progressId;
      this.input = input;
      this.limit = limit;
    }

    @ProcessElement
    public void process(@Element String path, MultiOutputReceiver out) throws IOException {
      if (progress == null) {
        progress = JobProgress.of(progressId);
      }
      String name = input.relativeName(path);
      filesRead.inc();
      progress.fileRead();
      // A literal resource: the path is opened as written, never matched as a pattern.
      try (InputStream in = new BufferedInputStream(storage().read(path), 1 << 16)) {
        LineReader reader = new LineReader(in);
        for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
          if (limit.exceededBy(line.number())) {
            // Failing the job, as a quota does, rather than serving part of the file.
            throw new IllegalStateException(limit.failure(name));
          }
          linesRead.inc();
          progress.lineRead();
          if (line.error() == null) {
            out.get(LINES).output(KV.of(name, KV.of(line.number(), line.text())));
          } else {
            linesFailed.inc();
            progress.linesDone(1);
            JsonNode echo = line.text() == null ? null : TextNode.valueOf(line.text());
            out.get(REJECTED).output(KV.of(name, KV.of(line.number(), OutputLines.error(echo, line.error()))));
          }
        }
      }
    }
  }
}
