package io.segmentbeam.dataset.transfer;

import io.segmentbeam.dataset.CsvLines;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.RecordOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * One dataset record on its way through an import or export, with its origin and its place in
 * the order records were written: {@code phase} 0 for the records already stored, 1 for new ones,
 * then the file and line they came from. When two records of one user or item meet, the later wins.
 * The record is kept as its CSV row, ready to write, the form that takes the least memory (the
 * Direct runner holds a file's rows in memory while it reads the file).
 *
 * @param id the user or item id of a Users or Items record; null for Interactions, which have none
 * @param csv the record as a CSV row, without the line break
 */
record StoredRow(RecordOrigin origin, int phase, String file, long line, String id, String csv) {

  /**
   * How many records travel together as one element: the Direct runner spends microseconds on
   * each element, as much as reading and checking a row, so rows go in batches (importing a
   * million users took 46 s one row per element, 14 s in batches).
   */
  static final int BATCH = 1024;

  static final Comparator<StoredRow> WRITE_ORDER = Comparator.comparingInt(StoredRow::phase)
      .thenComparing(StoredRow::file).thenComparingLong(StoredRow::line);

  /** A record from its cells in schema order (null for an empty cell). */
  static StoredRow of(DatasetSchema schema, RecordOrigin origin, int phase, String file, long line, String[] cells) {
    String idField = schema.type().idField();
    String id = idField == null ? null : cells[schema.indexOf(idField)];
    return new StoredRow(origin, phase, file, line, id, CsvLines.encode(cells));
  }

  static final CustomCoder<StoredRow> CODER = new CustomCoder<>() {
    private final NullableCoder<String> id = NullableCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(StoredRow row, OutputStream out) throws IOException {
      VarIntCoder.of().encode(row.origin.ordinal(), out);
      VarIntCoder.of().encode(row.phase, out);
      StringUtf8Coder.of().encode(row.file, out);
      VarLongCoder.of().encode(row.line, out);
      id.encode(row.id, out);
      StringUtf8Coder.of().encode(row.csv, out);
    }

    @Override
    public StoredRow decode(InputStream in) throws IOException {
      return new StoredRow(RecordOrigin.values()[VarIntCoder.of().decode(in)], VarIntCoder.of().decode(in),
          StringUtf8Coder.of().decode(in), VarLongCoder.of().decode(in), id.decode(in),
          StringUtf8Coder.of().decode(in));
    }
  };

  /** A batch of records, as the pipelines pass them. */
  static final ListCoder<StoredRow> BATCH_CODER = ListCoder.of(CODER);
}
