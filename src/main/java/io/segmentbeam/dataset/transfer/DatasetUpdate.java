package io.segmentbeam.dataset.transfer;

import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.RecordOrigin;
import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.storage.StorageSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The pipeline that writes a new version of a dataset: the records kept from the current version,
 * plus new ones (from an import job's CSV files, checked row by row, or from a put request), with
 * a Users or Items record that appears again replacing the earlier one, as in Personalize.
 * Interactions are events and are only ever added. Records are written by origin to
 * {@code bulk-*.csv} and {@code put-*.csv}, each with the header row.
 */
public final class DatasetUpdate {
  private DatasetUpdate() {}

  /**
   * What to write.
   *
   * @param current the current version's folder, or null for a dataset without records yet
   * @param kept which origins of the current version's records the new version keeps
   * @param importFiles the CSV files an import reads, listed literally, or null for a put
   * @param putRecords the records a put adds (cells in schema order), empty for an import
   * @param version the new version's folder
   */
  public record Spec(DatasetSchema schema, String current, Set<RecordOrigin> kept, List<String> importFiles,
      List<String[]> putRecords, String version) implements Serializable {}

  /** How many rows an import read, and the problems with them: how many and the first few. */
  public record Result(long rowsRead, long problems, List<String> firstProblems) {}

  /** Runs the update; {@code storage} writes the new version's files. */
  public static Result run(JobStorage storage, Spec spec) throws IOException {
    try (StorageSession session = storage.open()) {
      session.makeFolder(spec.version());
    }
    Pipeline pipeline = Pipeline.create(storage.options());
    PCollection<List<StoredRow>> kept = spec.current() == null
        ? pipeline.apply("NoStoredRecords", Create.empty(StoredRow.BATCH_CODER))
        : RowBatches.ofOrigins(read(pipeline, "Stored", spec.current() + "*.csv", spec.schema(), null, 0)
            .get(ReadStoredRows.ROWS), "KeepOrigins", spec.kept());
    PCollection<List<StoredRow>> fresh;
    if (spec.importFiles() != null) {
      PCollectionTuple read = rows(pipeline.apply("ImportFiles", Create.of(spec.importFiles())
          .withCoder(StringUtf8Coder.of())).apply("SpreadImportFiles", Reshuffle.viaRandomKey()), "Import",
          spec.schema(), RecordOrigin.BULK, 1);
      fresh = read.get(ReadStoredRows.ROWS);
      read.get(ReadStoredRows.PROBLEMS)
          .apply("SummarizeProblems", Combine.globally(new RowProblems.Summarize()))
          .apply("WriteProblems", TextIO.write().to(problemsFile(spec.version())).withoutSharding());
    } else {
      List<StoredRow> rows = new ArrayList<>();
      for (int i = 0; i < spec.putRecords().size(); i++) {
        rows.add(StoredRow.of(spec.schema(), RecordOrigin.PUT, 1, "", i, spec.putRecords().get(i)));
      }
      fresh = pipeline.apply("PutRecords", Create.of(List.of(rows)).withCoder(StoredRow.BATCH_CODER));
    }
    PCollection<List<StoredRow>> all =
        PCollectionList.of(kept).and(fresh).apply("AllRecords", Flatten.pCollections());
    if (spec.schema().type().idField() != null) {
      all = all.apply("LatestOfEach", new LatestOfEach());
    }
    for (RecordOrigin origin : RecordOrigin.values()) {
      RowBatches.writeCsv(RowBatches.ofOrigins(all, "Only" + origin, Set.of(origin)), origin.name(), spec.schema(),
          storage, spec.version(), origin.fileStem());
    }
    PipelineResult result = pipeline.run();
    result.waitUntilFinish();
    if (spec.importFiles() == null) {
      return new Result(spec.putRecords().size(), 0, List.of());
    }
    long rowsRead = counter(result, "ImportRows");
    List<String> summary = readLines(problemsFile(spec.version()));
    FileSystems.delete(List.of(FileSystems.matchNewResource(problemsFile(spec.version()), false)));
    return new Result(rowsRead, Long.parseLong(summary.get(0)), summary.subList(1, summary.size()));
  }

  /** Reads the dataset files matching {@code pattern}: batches of records, and problems with them. */
  static PCollectionTuple read(Pipeline pipeline, String step, String pattern, DatasetSchema schema,
      RecordOrigin origin, int phase) {
    PCollection<String> files = pipeline
        .apply(step + "Files", FileIO.match().filepattern(pattern).withEmptyMatchTreatment(EmptyMatchTreatment.ALLOW))
        .apply(step + "DataFiles",
            Filter.by((MatchResult.Metadata file) -> DatasetReader.isDataFile(file.resourceId())))
        .apply(step + "Paths", MapElements.into(TypeDescriptors.strings()).via(file -> file.resourceId().toString()));
    return rows(files, step, schema, origin, phase);
  }

  private static PCollectionTuple rows(PCollection<String> files, String step, DatasetSchema schema,
      RecordOrigin origin, int phase) {
    PCollectionTuple read = files.apply(step + "Rows", ParDo.of(new ReadStoredRows(schema, origin, phase, step))
        .withOutputTags(ReadStoredRows.ROWS, TupleTagList.of(ReadStoredRows.PROBLEMS)));
    read.get(ReadStoredRows.ROWS).setCoder(StoredRow.BATCH_CODER);
    read.get(ReadStoredRows.PROBLEMS).setCoder(SerializableCoder.of(RowProblems.Problem.class));
    return read;
  }

  private static String problemsFile(String version) {
    return version + "_problems.txt";
  }

  private static long counter(PipelineResult result, String name) {
    long total = 0;
    for (MetricResult<Long> counter : result.metrics().queryMetrics(MetricsFilter.builder()
        .addNameFilter(MetricNameFilter.named(ReadStoredRows.NAMESPACE, name)).build()).getCounters()) {
      total += counter.getAttempted();
    }
    return total;
  }

  private static List<String> readLines(String location) throws IOException {
    try (var in = Channels.newInputStream(FileSystems.open(FileSystems.matchSingleFileSpec(location).resourceId()))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  /**
   * Keeps the latest record of each user or item. Records are grouped into a fixed number of
   * buckets by id rather than by id itself: grouping by id costs a bundle per id on the Direct
   * runner (measured: 43 s for 1,000 users), while a bucket is deduplicated in memory at once.
   */
  static final class LatestOfEach extends PTransform<PCollection<List<StoredRow>>, PCollection<List<StoredRow>>> {
    private static final long serialVersionUID = 1L;
    static final int BUCKETS = 64;

    @Override
    public PCollection<List<StoredRow>> expand(PCollection<List<StoredRow>> batches) {
      return batches
          .apply("ByBucket", ParDo.of(new DoFn<List<StoredRow>, KV<Integer, List<StoredRow>>>() {
            private static final long serialVersionUID = 1L;

            @ProcessElement
            public void process(@Element List<StoredRow> batch, OutputReceiver<KV<Integer, List<StoredRow>>> out) {
              Map<Integer, List<StoredRow>> buckets = new HashMap<>();
              for (StoredRow row : batch) {
                buckets.computeIfAbsent(Math.floorMod(row.id().hashCode(), BUCKETS),
                    bucket -> new ArrayList<>()).add(row);
              }
              buckets.forEach((bucket, rows) -> out.output(KV.of(bucket, rows)));
            }
          }))
          .setCoder(KvCoder.of(VarIntCoder.of(), StoredRow.BATCH_CODER))
          .apply("Buckets", GroupByKey.create())
          .apply("Latest", ParDo.of(new DoFn<KV<Integer, Iterable<List<StoredRow>>>, List<StoredRow>>() {
            private static final long serialVersionUID = 1L;

            @ProcessElement
            public void process(@Element KV<Integer, Iterable<List<StoredRow>>> bucket,
                OutputReceiver<List<StoredRow>> out) {
              Map<String, StoredRow> latest = new HashMap<>();
              for (List<StoredRow> rows : bucket.getValue()) {
                for (StoredRow row : rows) {
                  latest.merge(row.id(), row,
                      (earlier, later) -> StoredRow.WRITE_ORDER.compare(earlier, later) >= 0 ? earlier : later);
                }
              }
              List<StoredRow> batch = new ArrayList<>(StoredRow.BATCH);
              for (StoredRow row : latest.values()) {
                batch.add(row);
                if (batch.size() == StoredRow.BATCH) {
                  out.output(batch);
                  batch = new ArrayList<>(StoredRow.BATCH);
                }
              }
              if (!batch.isEmpty()) {
                out.output(batch);
              }
            }
          }))
          .setCoder(StoredRow.BATCH_CODER);
    }
  }
}
