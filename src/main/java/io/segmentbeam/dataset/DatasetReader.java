package io.segmentbeam.dataset;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.segmentbeam.storage.ListedFile;
import io.segmentbeam.storage.Listing;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.channels.Channels;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Reads Personalize dataset CSV files as Personalize defines them: UTF-8, one header row naming
 * the schema's fields in schema order, then one row per record with exactly one cell per field
 * (RFC 4180 quoting). Each cell is checked against its field: an empty cell only for a nullable
 * field; int, long, float, double and boolean values written exactly; USER_ID and ITEM_ID at most
 * 256 characters; TIMESTAMP in epoch seconds, not negative. The first problem stops the read with
 * a {@link DatasetException} saying {@code file:line: COLUMN: what is wrong}. Blank lines are skipped.
 *
 * <p>A location is one file, or a folder ending in {@code /} whose files are read in name order,
 * leaving out names starting with {@code .} or {@code _}; local paths and Beam FileSystems URIs work.
 */
public final class DatasetReader {
  static final int MAX_ID_LENGTH = 256;
  private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
  private static final CsvMapper CSV = new CsvMapper();

  private DatasetReader() {}

  /** Reads every file at the location; the first problem is thrown as a {@link DatasetException}. */
  public static void read(String location, DatasetSchema schema, RowHandler handler) throws IOException {
    for (ResourceId file : files(location)) {
      readFile(file, schema, handler, DatasetReader::stop);
    }
  }

  /** What to do with a problem: throw to stop, return to go on with the next row. */
  @FunctionalInterface
  public interface ProblemHandler {
    void problem(DatasetException problem) throws IOException;
  }

  private static void stop(DatasetException problem) throws DatasetException {
    throw problem;
  }

  /** The FileSystems pattern matching a location's files: the file itself, or every file in the folder. */
  public static String filePattern(String location) {
    return location.endsWith("/") ? location + "*" : location;
  }

  /** Whether a matched file is a dataset file rather than a folder or a hidden or marker file. */
  public static boolean isDataFile(ResourceId file) {
    String name = file.getFilename();
    return name != null && !name.startsWith("_") && !name.startsWith(".") && !file.isDirectory();
  }

  /** The dataset files at a location, in name order; none is an error. */
  public static List<ResourceId> files(String location) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (ListedFile file : Listing.files(location)) {
      files.add(FileSystems.matchNewResource(file.path(), false));
    }
    if (files.isEmpty()) {
      throw new FileNotFoundException("no dataset file at " + location);
    }
    return files;
  }

  /**
   * Reads one file. A bad row goes to {@code problems} and is skipped; a bad header or a file that
   * is not CSV goes there too and ends the file, since no row of it can be trusted.
   */
  public static void readFile(ResourceId resource, DatasetSchema schema, RowHandler handler,
      ProblemHandler problems) throws IOException {
    String file = resource.toString();
    List<SchemaField> fields = schema.fields();
    DatasetRow row = new DatasetRow(file, fields.size());
    long line = 0;
    try (Reader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(FileSystems.open(resource)),
            // Undecodable bytes become U+FFFD, reported with the cell they are in.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)), 1 << 16);
        MappingIterator<String[]> rows = CSV.readerFor(String[].class)
            .with(CsvSchema.emptySchema()).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(reader)) {
      boolean header = true;
      while (true) {
        String[] cells;
        line++;
        try {
          if (!rows.hasNextValue()) {
            break;
          }
          // The row's start token sits on the line break ending the previous row.
          line = header ? 1 : rows.getParser().getTokenLocation().getLineNr() + 1;
          cells = rows.nextValue();
        } catch (IOException e) {
          problems.problem(DatasetException.at(file, line, "(row)", "is not valid CSV: " + firstLine(e.getMessage())));
          return;
        }
        try {
          if (header) {
            checkEncoding(file, line, cells, fields);
            if (cells.length > 0 && cells[0].startsWith("\uFEFF")) {
              // A byte order mark, as spreadsheet programs write at the start of UTF-8 files.
              cells[0] = cells[0].substring(1);
            }
            checkHeader(file, cells, fields);
            header = false;
            continue;
          }
        } catch (DatasetException e) {
          problems.problem(e);
          return;
        }
        if (cells.length == 1 && cells[0].isEmpty()) {
          continue;
        }
        try {
          checkEncoding(file, line, cells, fields);
          checkRow(file, line, fields, cells, row);
        } catch (DatasetException e) {
          problems.problem(e);
          continue;
        }
        handler.row(row);
      }
      if (header) {
        problems.problem(DatasetException.at(file, 1, "(header)", "the file is empty; it needs a header row: "
            + names(fields)));
      }
    }
  }

  private static void checkEncoding(String file, long line, String[] cells, List<SchemaField> fields)
      throws DatasetException {
    for (int column = 0; column < cells.length; column++) {
      if (cells[column].indexOf('\uFFFD') >= 0) {
        throw DatasetException.at(file, line, column < fields.size() ? fields.get(column).name() : "(row)",
            "is not valid UTF-8");
      }
    }
  }

  /** Checks a row's cells against the schema's fields, filling {@code row} with their values. */
  private static void checkRow(String file, long line, List<SchemaField> fields, String[] cells, DatasetRow row)
      throws DatasetException {
    if (cells.length != fields.size()) {
      String column = cells.length < fields.size() ? fields.get(cells.length).name() : "(row)";
      throw DatasetException.at(file, line, column, "the row has " + cells.length + " values, the schema has "
          + fields.size() + " fields");
    }
    for (int column = 0; column < cells.length; column++) {
      checkCell(file, line, fields.get(column), cells[column], column, row);
    }
  }

  /**
   * Checks one record given as cells in schema order (null for an empty cell), as a CSV row would
   * be checked; {@code source} names where it came from in the message.
   */
  public static DatasetRow check(String source, DatasetSchema schema, String[] cells) throws DatasetException {
    DatasetRow row = new DatasetRow(source, cells.length);
    String[] texts = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      texts[i] = cells[i] == null ? "" : cells[i];
    }
    checkRow(source, 0, schema.fields(), texts, row);
    return row;
  }

  private static void checkHeader(String file, String[] header, List<SchemaField> fields) throws DatasetException {
    for (int i = 0; i < Math.max(header.length, fields.size()); i++) {
      String expected = i < fields.size() ? fields.get(i).name() : null;
      String found = i < header.length ? header[i].strip() : null;
      if (expected == null) {
        throw DatasetException.at(file, 1, found, "the header has a column the schema does not have; "
            + "the header must be " + names(fields));
      }
      if (found == null) {
        throw DatasetException.at(file, 1, expected, "the header lacks this column; the header must be "
            + names(fields));
      }
      if (!found.equals(expected)) {
        throw DatasetException.at(file, 1, expected, "the header has \"" + found + "\" where the schema has "
            + expected + "; the header must be " + names(fields));
      }
    }
  }

  private static String names(List<SchemaField> fields) {
    return String.join(",", fields.stream().map(SchemaField::name).toList());
  }

  private static void checkCell(String file, long line, SchemaField field, String text, int column, DatasetRow row)
      throws DatasetException {
    if (text.isEmpty()) {
      if (!field.nullable()) {
        throw DatasetException.at(file, line, field.name(), "is empty, but the field is not nullable");
      }
      row.set(line, column, null, 0, 0);
      return;
    }
    long longValue = 0;
    double doubleValue = 0;
    switch (field.type()) {
      case INT, LONG -> {
        if (!INTEGER.matcher(text).matches()) {
          throw DatasetException.at(file, line, field.name(), "\"" + text + "\" is not " + article(field));
        }
        try {
          longValue = field.type() == FieldType.INT ? Integer.parseInt(text) : Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw DatasetException.at(file, line, field.name(), "\"" + text + "\" is out of range for "
              + article(field));
        }
        doubleValue = longValue;
      }
      case FLOAT, DOUBLE -> {
        doubleValue = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
        if (!Double.isFinite(doubleValue)
            || (field.type() == FieldType.FLOAT && !Float.isFinite((float) doubleValue))) {
          throw DatasetException.at(file, line, field.name(), "\"" + text + "\" is not " + article(field));
        }
      }
      case BOOLEAN -> {
        if (!text.equals("true") && !text.equals("false")) {
          throw DatasetException.at(file, line, field.name(), "\"" + text + "\" is not a boolean (true or false)");
        }
        longValue = text.equals("true") ? 1 : 0;
      }
      case STRING -> { }
    }
    if ((field.name().equals("USER_ID") || field.name().equals("ITEM_ID")) && text.length() > MAX_ID_LENGTH) {
      throw DatasetException.at(file, line, field.name(), "is " + text.length() + " characters long; ids are at most "
          + MAX_ID_LENGTH);
    }
    if (field.name().equals("TIMESTAMP") && longValue < 0) {
      throw DatasetException.at(file, line, field.name(), "\"" + text + "\" is negative; timestamps are epoch seconds");
    }
    row.set(line, column, text, longValue, doubleValue);
  }

  private static String article(SchemaField field) {
    return switch (field.type()) {
      case INT -> "an int";
      case LONG -> field.name().equals("TIMESTAMP") ? "a long (epoch seconds)" : "a long";
      case FLOAT -> "a float";
      case DOUBLE -> "a double";
      default -> "a " + field.type().avroName();
    };
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }
}
