package io.segmentbeam.report;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.dataset.FieldType;
import io.segmentbeam.dataset.SchemaField;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The whole user base as its Users dataset has it, read once, to compare segments with: for each
 * field a chart can show (every field but USER_ID and textual ones), the bins users fall in and
 * how many rows of the dataset fall in each, and in which bins any given user falls.
 *
 * <p>Bins: for a string or boolean field, its {@value #TOP_VALUES} values held by the most users,
 * then "other values" for users holding any other; for a number, up to {@value #NUMBER_BINS}
 * ranges of equal width from the smallest value to the largest (whole numbers for int and long
 * fields). Users without a value, and segment users the dataset does not have, are in "no value".
 * A user with several values of a categorical field counts once in each of their values' bins.
 */
final class UserBase {
  static final int TOP_VALUES = 10;
  static final int NUMBER_BINS = 10;
  static final String OTHER_VALUES = "other values";
  static final String NO_VALUE = "no value";
  /** A string cell's code when it is empty, and when it holds several values (kept apart). */
  private static final int NULL = -1;
  private static final int SEVERAL = -2;

  /**
   * One bin of a field.
   *
   * @param label what the chart writes under it
   * @param low the smallest number in it, for a range; null otherwise
   * @param high the largest number in it (inclusive), for a range; null otherwise
   */
  record Bin(String label, Double low, Double high) {}

  /** A field's bins and how many of the dataset's rows fall in each. */
  record Field(String name, FieldType type, List<Bin> bins, long[] rows) {}

  private final long rows;
  private final List<Field> fields = new ArrayList<>();
  private final Map<String, Integer> rowOfUser = new HashMap<>();
  private final List<Column> columns = new ArrayList<>();

  private UserBase(long rows) {
    this.rows = rows;
  }

  /** Rows of the Users dataset: the user base segments are compared with. */
  long rows() {
    return rows;
  }

  List<Field> fields() {
    return fields;
  }

  /** The bins of field {@code field} (as {@link #fields} orders them) that a user falls in. */
  int[] binsOf(int field, String userId) {
    Integer row = rowOfUser.get(userId);
    return row == null ? new int[] {columns.get(field).noValueBin()} : columns.get(field).bins(row);
  }

  /** Reads the Users dataset at {@code files}. */
  static UserBase read(DatasetFiles files) throws IOException {
    DatasetSchema schema = DatasetSchema.read(DatasetType.USERS, files.schemaLocation());
    int idColumn = schema.indexOf("USER_ID");
    List<SchemaField> charted = schema.fields().stream()
        .filter(field -> !field.name().equals("USER_ID") && !field.textual()).toList();
    List<Column> reading = charted.stream().map(Column::new).toList();
    int[] cells = charted.stream().mapToInt(field -> schema.indexOf(field.name())).toArray();
    List<String> ids = new ArrayList<>();
    DatasetReader.read(files.dataLocation(), schema, row -> {
      int number = ids.size();
      ids.add(row.text(idColumn));
      for (int i = 0; i < cells.length; i++) {
        SchemaField field = charted.get(i);
        if (row.isNull(cells[i])) {
          reading.get(i).addNull(number);
        } else if (field.type().isNumeric()) {
          reading.get(i).addNumber(number, row.doubleValue(cells[i]));
        } else {
          reading.get(i).addStrings(number, field.categorical() ? row.categories(cells[i]) : List.of(row.text(cells[i])));
        }
      }
    });
    UserBase base = new UserBase(ids.size());
    for (int row = 0; row < ids.size(); row++) {
      // A user listed twice is the later row, as a later import replaces the earlier record.
      base.rowOfUser.put(ids.get(row), row);
    }
    for (Column column : reading) {
      column.makeBins(ids.size());
      base.columns.add(column);
      base.fields.add(column.field(ids.size()));
    }
    return base;
  }

  /** One field's values, row by row, and once read, its bins. */
  private static final class Column {
    private final SchemaField field;
    private double[] numbers = new double[1024];
    private int[] codes = new int[1024];
    private final Map<Integer, int[]> several = new HashMap<>();
    private final Map<String, Integer> codeOfValue = new HashMap<>();
    private final List<String> values = new ArrayList<>();
    private final List<Bin> bins = new ArrayList<>();
    private int[] binOfCode;
    private double low;
    private double width;

    Column(SchemaField field) {
      this.field = field;
    }

    void addNull(int row) {
      if (field.type().isNumeric()) {
        addNumber(row, Double.NaN);
      } else {
        addCode(row, NULL);
      }
    }

    void addNumber(int row, double value) {
      if (row == numbers.length) {
        numbers = Arrays.copyOf(numbers, row * 2);
      }
      numbers[row] = value;
    }

    void addStrings(int row, List<String> held) {
      int[] heldCodes = held.stream().distinct().mapToInt(value -> codeOfValue.computeIfAbsent(value, v -> {
        values.add(v);
        return values.size() - 1;
      })).toArray();
      if (heldCodes.length == 1) {
        addCode(row, heldCodes[0]);
      } else {
        several.put(row, heldCodes);
        addCode(row, SEVERAL);
      }
    }

    private void addCode(int row, int code) {
      if (row == codes.length) {
        codes = Arrays.copyOf(codes, row * 2);
      }
      codes[row] = code;
    }

    void makeBins(int rowCount) {
      if (field.type().isNumeric()) {
        numberBins(rowCount);
      } else {
        valueBins(rowCount);
      }
      bins.add(new Bin(NO_VALUE, null, null));
    }

    private void valueBins(int rowCount) {
      long[] holders = new long[values.size()];
      for (int row = 0; row < rowCount; row++) {
        for (int code : codes(row)) {
          holders[code]++;
        }
      }
      List<Integer> byHolders = IntStream.range(0, values.size()).boxed()
          .sorted(Comparator.<Integer>comparingLong(code -> -holders[code]).thenComparing(values::get)).toList();
      binOfCode = new int[values.size()];
      Arrays.fill(binOfCode, Math.min(TOP_VALUES, values.size()));
      for (int rank = 0; rank < Math.min(TOP_VALUES, byHolders.size()); rank++) {
        binOfCode[byHolders.get(rank)] = rank;
        bins.add(new Bin(values.get(byHolders.get(rank)), null, null));
      }
      if (values.size() > TOP_VALUES) {
        bins.add(new Bin(OTHER_VALUES, null, null));
      }
    }

    private void numberBins(int rowCount) {
      double[] present = Arrays.stream(numbers, 0, rowCount).filter(value -> !Double.isNaN(value)).toArray();
      if (present.length == 0) {
        return;
      }
      double min = Arrays.stream(present).min().orElseThrow();
      double max = Arrays.stream(present).max().orElseThrow();
      boolean whole = field.type() == FieldType.INT || field.type() == FieldType.LONG;
      low = min;
      width = whole ? Math.max(1, Math.ceil((max - min + 1) / NUMBER_BINS)) : (max - min) / NUMBER_BINS;
      int count = width == 0 ? 1 : whole ? (int) Math.ceil((max - min + 1) / width) : NUMBER_BINS;
      for (int bin = 0; bin < count; bin++) {
        double from = min + bin * width;
        double to = bin == count - 1 ? max : whole ? from + width - 1 : from + width;
        bins.add(new Bin(whole ? rangeLabel(from, to, "%.0f") : rangeLabel(from, to, "%.3g"), from, to));
      }
    }

    private static String rangeLabel(double from, double to, String format) {
      String low = String.format(java.util.Locale.ROOT, format, from);
      String high = String.format(java.util.Locale.ROOT, format, to);
      return low.equals(high) ? low : low + "–" + high;
    }

    private int[] codes(int row) {
      int code = codes[row];
      return code == NULL ? new int[0] : code == SEVERAL ? several.get(row) : new int[] {code};
    }

    int noValueBin() {
      return bins.size() - 1;
    }

    /** The bins a row falls in: one for a number, one per distinct bin of its values for a string. */
    int[] bins(int row) {
      if (field.type().isNumeric()) {
        double value = numbers[row];
        if (Double.isNaN(value)) {
          return new int[] {noValueBin()};
        }
        int last = bins.size() - 2;
        return new int[] {width == 0 ? 0 : Math.min(last, (int) Math.floor((value - low) / width))};
      }
      int[] held = codes(row);
      return held.length == 0 ? new int[] {noValueBin()}
          : Arrays.stream(held).map(code -> binOfCode[code]).distinct().toArray();
    }

    Field field(int rowCount) {
      long[] counts = new long[bins.size()];
      for (int row = 0; row < rowCount; row++) {
        for (int bin : bins(row)) {
          counts[bin]++;
        }
      }
      return new Field(field.name(), field.type(), List.copyOf(bins), counts);
    }
  }
}
