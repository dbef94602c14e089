package io.segmentbeam.dataset.transfer;

import io.segmentbeam.dataset.RecordOrigin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * One dataset record on its way through an import or export, with its origin and its place in
 * the order records were written: {@code phase} 0 for the records already stored, 1 for new ones,
 * then the file and line they came from. When two records of one user or item meet, the later wins.
 *
 * @param cells the record's values in schema order, null for an empty cell
 */
record StoredRow(RecordOrigin origin, int phase, String file, long line, String[] cells) {

  static final Comparator<StoredRow> WRITE_ORDER = Comparator.comparingInt(StoredRow::phase)
      .thenComparing(StoredRow::file).thenComparingLong(StoredRow::line);

  static final CustomCoder<StoredRow> CODER = new CustomCoder<>() {
    private final NullableCoder<String> cell = NullableCoder.of(StringUtf8Coder.of());

    @Override
    public void encode(StoredRow row, OutputStream out) throws IOException {
      VarIntCoder.of().encode(row.origin.ordinal(), out);
      VarIntCoder.of().encode(row.phase, out);
      StringUtf8Coder.of().encode(row.file, out);
      VarLongCoder.of().encode(row.line, out);
      VarIntCoder.of().encode(row.cells.length, out);
      for (String value : row.cells) {
        cell.encode(value, out);
      }
    }

    @Override
    public StoredRow decode(InputStream in) throws IOException {
      RecordOrigin origin = RecordOrigin.values()[VarIntCoder.of().decode(in)];
      int phase = VarIntCoder.of().decode(in);
      String file = StringUtf8Coder.of().decode(in);
      long line = VarLongCoder.of().decode(in);
      String[] cells = new String[VarIntCoder.of().decode(in)];
      for (int i = 0; i < cells.length; i++) {
        cells[i] = cell.decode(in);
      }
      return new StoredRow(origin, phase, file, line, cells);
    }
  };

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredRow row && origin == row.origin && phase == row.phase && file.equals(row.file)
        && line == row.line && Arrays.equals(cells, row.cells);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * file.hashCode() + Long.hashCode(line)) + Arrays.hashCode(cells);
  }
}
