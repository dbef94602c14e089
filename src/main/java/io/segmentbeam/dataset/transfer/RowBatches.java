package io.segmentbeam.dataset.transfer;

import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.RecordOrigin;
import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.storage.StorageDoFn;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;

/** Steps on batches of records ({@link StoredRow#BATCH} at most): choosing them by origin, writing them. */
final class RowBatches {
  private RowBatches() {}

  /** Only the records of the chosen origins; batches left empty are dropped. */
  static PCollection<List<StoredRow>> ofOrigins(PCollection<List<StoredRow>> batches, String step,
      Set<RecordOrigin> origins) {
    return batches.apply(step, ParDo.of(new ChooseOrigins(Set.copyOf(origins)))).setCoder(StoredRow.BATCH_CODER);
  }

  /** How many files an export's records are spread over, each batch to one chosen by its text. */
  static final int FILES = 4;

  /**
   * Writes records as dataset CSV files with the header row, {@code <folder><stem>-NNNNN.csv}, through
   * the job's own storage; file 0 is always written, so no records give one file holding only the
   * header. Each file is written whole by one element: a retried one writes the same file again.
   */
  static void writeCsv(PCollection<List<StoredRow>> batches, String step, DatasetSchema schema, JobStorage storage,
      String folder, String stem) {
    KvCoder<Integer, String> coder = KvCoder.of(VarIntCoder.of(), StringUtf8Coder.of());
    PCollection<KV<Integer, String>> texts = batches.apply(step + "Csv", ParDo.of(new CsvText())).setCoder(coder);
    PCollection<KV<Integer, String>> firstFile =
        batches.getPipeline().apply(step + "FirstFile", Create.of(KV.of(0, "")).withCoder(coder));
    PCollectionList.of(texts).and(firstFile)
        .apply(step + "AllTexts", Flatten.pCollections())
        .apply(step + "ByFile", GroupByKey.create())
        .apply(step + "Write", ParDo.of(new WriteCsvFile(storage, folder, stem, schema.header())));
  }

  private static final class ChooseOrigins extends DoFn<List<StoredRow>, List<StoredRow>> {
    private static final long serialVersionUID = 1L;
    private final Set<RecordOrigin> origins;

    ChooseOrigins(Set<RecordOrigin> origins) {
      this.origins = origins;
    }

    @ProcessElement
    public void process(@Element List<StoredRow> batch, OutputReceiver<List<StoredRow>> out) {
      List<StoredRow> chosen = new ArrayList<>(batch.size());
      for (StoredRow row : batch) {
        if (origins.contains(row.origin())) {
          chosen.add(row);
        }
      }
      if (!chosen.isEmpty()) {
        out.output(chosen);
      }
    }
  }

  /** A batch as one text of CSV rows, each ending in a newline, keyed by the file it goes to. */
  private static final class CsvText extends DoFn<List<StoredRow>, KV<Integer, String>> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element List<StoredRow> batch, OutputReceiver<KV<Integer, String>> out) {
      StringBuilder text = new StringBuilder();
      for (StoredRow row : batch) {
        text.append(row.csv()).append('\n');
      }
      out.output(KV.of(Math.floorMod(text.toString().hashCode(), FILES), text.toString()));
    }
  }

  /** Writes one file: the header row, then its texts. */
  private static final class WriteCsvFile extends StorageDoFn<KV<Integer, Iterable<String>>, Void> {
    private static final long serialVersionUID = 1L;
    private final String folder;
    private final String stem;
    private final String header;

    WriteCsvFile(JobStorage storage, String folder, String stem, String header) {
      super(storage);
      this.folder = folder;
      this.stem = stem;
      this.header = header;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<String>> file) throws IOException {
      String name = stem + String.format(Locale.ROOT, "-%05d.csv", file.getKey());
      try (Writer out = textFile(folder, name, "text/csv")) {
        out.write(header);
        out.write('\n');
        for (String text : file.getValue()) {
          out.write(text);
        }
      }
    }
  }
}
