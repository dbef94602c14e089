package io.segmentbeam.dataset.transfer;

import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.RecordOrigin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** Steps on batches of records ({@link StoredRow#BATCH} at most): choosing them by origin, writing them. */
final class RowBatches {
  private RowBatches() {}

  /** Only the records of the chosen origins; batches left empty are dropped. */
  static PCollection<List<StoredRow>> ofOrigins(PCollection<List<StoredRow>> batches, String step,
      Set<RecordOrigin> origins) {
    return batches.apply(step, ParDo.of(new ChooseOrigins(Set.copyOf(origins)))).setCoder(StoredRow.BATCH_CODER);
  }

  /**
   * Writes records as dataset CSV files with the header row, {@code <prefix>-NNNNN-of-MMMMM.csv};
   * with no records, one file holding only the header.
   */
  static void writeCsv(PCollection<List<StoredRow>> batches, String step, DatasetSchema schema, String prefix) {
    batches.apply(step + "Csv", ParDo.of(new CsvText()))
        .apply(step + "Write", TextIO.write().to(prefix).withSuffix(".csv").withHeader(schema.header()));
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

  /** A batch as one text element of CSV rows, which the text sink writes as lines. */
  private static final class CsvText extends DoFn<List<StoredRow>, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element List<StoredRow> batch, OutputReceiver<String> out) {
      StringBuilder text = new StringBuilder();
      for (StoredRow row : batch) {
        text.append(text.length() == 0 ? "" : "\n").append(row.csv());
      }
      out.output(text.toString());
    }
  }
}
