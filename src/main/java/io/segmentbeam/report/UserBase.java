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
import java.util.Set;
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
  private final Map<String, Integer> rowOfUser;
  private final List<Column> columns = new ArrayList<>();

  private UserBase(long rows, Map<String, Integer> rowOfUser) {
    this.rows = rows;
    this.rowOfUser = rowOfUser;
  }

  /** Rows of the Users dataset: the user base segments are compared with. */
  long rows() {
    return rows;
  }

  List<Field> fields() {
    return fields;
  }

  /**
   * The bins of field {@code field} (as {@link #fields} orders them) that one of the users named
   * to {@link #read} falls in. Read only: the array may be shared.
   */
  int[] binsOf(int field, String userId) {
    Integer row = rowOfUser.get(userId);
    Column column = columns.get(field);
    return row == null ? column.single(column.noValueBin()) : column.bins(row);
  }

  /**
   * Reads the Users dataset at {@code files}, keeping where {@code users} are (those whose bins
   * will be asked for): a million-user dataset then needs no map of every user.
   */
  static UserBase read(DatasetFiles files, Set<String> users) throws IOException {
    DatasetSchema schema = DatasetSchema.read(DatasetType.USERS, files.schemaLocation());
    int idColumn = schema.indexOf("USER_ID");
    List<SchemaField> charted = schema.fields().stream()
        .filter(field -> !field.name().equals("USER_ID") && !field.textual()).toList();
    List<Column> reading = charted.stream().map(Column::new).toList();
    int[] cells = charted.stream().mapToInt(field -> schema.indexOf(field.name())).toArray();
    Map<String, Integer> rowOfUser = new HashMap<>();
    int[] rows = {0};
    DatasetReader.read(files.dataLocation(), schema, row -> {
      int number = rows[0]++;
      String id = row.text(idColumn);
      if (users.contains(id)) {
        // A user listed twice is the later row, as a later import replaces the earlier record.
        rowOfUser.put(id, number);
      }
      for (int i = 0; i < cells.length; i++) {
        SchemaField field = charted.get(i);
        if (row.isNull(cells[i])) {
          reading.get(i).addNull(number);
        } else if (field.type().isNumeric()) {
          reading.get(i).addNumber(number, row.doubleValue(cells[i]));
        } else {
          reading.get(i).addStrings(number,
              field.categorical() ? row.categories(cells[i]) : List.of(row.text(cells[i])));
        }
      }
    });
    UserBase base = new UserBase(rows[0], rowOfUser);
    for (Column column : reading) {
      column.makeBins(rows[0]);
      base.columns.add(column);
      base.fields.add(column.field(rows[0]));
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
    private int[][] singles;
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
      if (held.size() == 1) {
        addCode(row, code(held.get(0)));
        return;
      }
      several.put(row, held.stream().distinct().mapToInt(this::code).toArray());
      addCode(row, SEVERAL);
    }

    private int code(String value) {
      Integer code = codeOfValue.get(value);
      if (code == null) {
        code = values.size();
        codeOfValue.put(value, code);
        values.add(value);
      }
      return code;
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
      singles = IntStream.range(0, bins.size()).mapToObj(bin -> new int[] {bin}).toArray(int[][]::new);
    }

    private void valueBins(int rowCount) {
      long[] holders = new long[values.size()];
      for (int row = 0; row < rowCount; row++) {
        if (codes[row] >= 0) {
          holders[codes[row]]++;
        } else if (codes[row] == SEVERAL) {
          for (int code : several.get(row)) {
            holders[code]++;
          }
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
        double from = edge(bin);
        double to = bin == count - 1 ? max : whole ? from + width - 1 : edge(bin + 1);
        bins.add(new Bin(whole ? rangeLabel(from, to, "%.0f") : rangeLabel(from, to, "%.3g"), from, to));
      }
    }

    private static String rangeLabel(double from, double to, String format) {
      String low = String.format(java.util.Locale.ROOT, format, from);
      String high = String.format(java.util.Locale.ROOT, format, to);
      return low.equals(high) ? low : low + "–" + high;
    }

    int noValueBin() {
      return bins.size() - 1;
    }

    /** Where range {@code bin} starts: the edges the labels show, computed alike for every use. */
    private double edge(int bin) {
      return low + bin * width;
    }

    /** The range holding a value: the last whose start is at most the value, as the labels have it. */
    private int rangeOf(double value, int last) {
      int bin = Math.max(0, Math.min(last, (int) Math.floor((value - low) / width)));
      // The division may land one range off at an edge, where rounding differs by a unit in the last place.
      if (bin > 0 && value < edge(bin)) {
        bin--;
      } else if (bin < last && value >= edge(bin + 1)) {
        bin++;
      }
      return bin;
    }

    /** A bin alone, one shared array per bin, so that counting a million rows allocates nothing. */
    int[] single(int bin) {
      return singles[bin];
    }

    /** The bins a row falls in: one for a number, one per distinct bin of its values for a string. */
    int[] bins(int row) {
      if (field.type().isNumeric()) {
        double value = numbers[row];
        if (Double.isNaN(value)) {
          return single(noValueBin());
        }
        int last = bins.size() - 2;
        return single(width == 0 ? 0 : rangeOf(value, last));
      }
      int code = codes[row];
      if (code == NULL) {
        return single(noValueBin());
      }
      if (code != SEVERAL) {
        return single(binOfCode[code]);
      }
      return Arrays.stream(several.get(row)).map(held -> binOfCode[held]).distinct().toArray();
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
