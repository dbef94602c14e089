package io.segmentbeam.dataset;

import java.util.Arrays;
import java.util.List;

/**
 * One checked row of a dataset. The reader reuses one instance for every row of a file, so a
 * handler copies what it keeps. Every value has been checked against its field, so the typed
 * accessors never fail on a value of the right type.
 */
public final class DatasetRow {
  private final String file;
  private final String[] cells;
  private final long[] longs;
  private final double[] doubles;
  private long line;

  DatasetRow(String file, int columns) {
    this.file = file;
    this.cells = new String[columns];
    this.longs = new long[columns];
    this.doubles = new double[columns];
  }

  public String file() {
    return file;
  }

  /** The row's line in its file, the header being line 1. */
  public long line() {
    return line;
  }

  public boolean isNull(int column) {
    return cells[column] == null;
  }

  /** The cell as written, or null for an empty cell of a nullable field. */
  public String text(int column) {
    return cells[column];
  }

  /** An int or long field's value. */
  public long longValue(int column) {
    return longs[column];
  }

  /** A numeric field's value. */
  public double doubleValue(int column) {
    return doubles[column];
  }

  public boolean booleanValue(int column) {
    return longs[column] != 0;
  }

  /** A categorical field's values, split at {@code |}. */
  public List<String> categories(int column) {
    return cells[column] == null ? List.of() : Arrays.asList(cells[column].split("\\|", -1));
  }

  void set(long line, int column, String text, long longValue, double doubleValue) {
    this.line = line;
    cells[column] = text;
    longs[column] = longValue;
    doubles[column] = doubleValue;
  }
}
