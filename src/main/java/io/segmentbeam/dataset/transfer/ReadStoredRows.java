package io.segmentbeam.dataset.transfer;

import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetRow;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.RecordOrigin;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Reads one dataset CSV file per element, checking the header and every row against the schema:
 * good rows go to the main output in batches, each bad row (or bad header, which ends the file) to
 * {@link #PROBLEMS}. Records take the origin given, or, for stored files, the one their name says.
 */
final class ReadStoredRows extends DoFn<String, List<StoredRow>> {
  private static final long serialVersionUID = 1L;
  static final String NAMESPACE = "segmentbeam.dataset";
  static final TupleTag<List<StoredRow>> ROWS = new TupleTag<>() {};
  static final TupleTag<RowProblems.Problem> PROBLEMS = new TupleTag<>() {};

  private final DatasetSchema schema;
  private final RecordOrigin origin;
  private final int phase;
  private final Counter rows;
  private final Counter problems;

  /**
   * @param origin the origin of every record read, or null to take it from each stored file's name
   * @param step names the counters of data rows read, good or bad, and of problems: {@code <step>Rows},
   *     {@code <step>Problems}
   */
  ReadStoredRows(DatasetSchema schema, RecordOrigin origin, int phase, String step) {
    this.schema = schema;
    this.origin = origin;
    this.phase = phase;
    this.rows = Metrics.counter(NAMESPACE, step + "Rows");
    this.problems = Metrics.counter(NAMESPACE, step + "Problems");
  }

  @ProcessElement
  public void process(@Element String name, MultiOutputReceiver out) throws IOException {
    // The file's own name, never matched as a pattern.
    ResourceId file = FileSystems.matchNewResource(name, false);
    RecordOrigin rowOrigin = origin != null ? origin
        : RecordOrigin.ofFile(file.getFilename()).orElseThrow(
            () -> new IOException("not a stored dataset file: " + name));
    List<StoredRow> batch = new ArrayList<>(StoredRow.BATCH);
    DatasetReader.readFile(file, schema, (DatasetRow row) -> {
      rows.inc();
      String[] cells = new String[schema.fields().size()];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = row.text(i);
      }
      batch.add(StoredRow.of(schema, rowOrigin, phase, name, row.line(), cells));
      if (batch.size() == StoredRow.BATCH) {
        out.get(ROWS).output(List.copyOf(batch));
        batch.clear();
      }
    }, problem -> {
      problems.inc();
      if (problem.line() > 1) {
        rows.inc();
      }
      out.get(PROBLEMS).output(new RowProblems.Problem(name, problem.line(), problem.getMessage()));
    });
    if (!batch.isEmpty()) {
      out.get(ROWS).output(List.copyOf(batch));
    }
  }
}
