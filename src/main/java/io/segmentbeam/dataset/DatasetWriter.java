package io.segmentbeam.dataset;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a dataset CSV file that {@link DatasetReader} and Personalize accept: the header, then
 * one row per call, each value checked against its field and quoted only where CSV needs it.
 * Values: String, Integer/Long, BigDecimal (written as plain decimals) or Float/Double for
 * numeric fields, Boolean, {@code List<String>} for categorical fields, null for empty.
 */
public final class DatasetWriter implements Closeable {
  private final Path file;
  private final DatasetSchema schema;
  private final Writer out;
  private final SequenceWriter rows;
  private final String[] cells;
  private long line = 1;

  private DatasetWriter(Path file, DatasetSchema schema) throws IOException {
    this.file = file;
    this.schema = schema;
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    this.rows = CsvLines.writer("\n").writeValues(out);
    this.cells = new String[schema.fields().size()];
    rows.write(schema.fields().stream().map(SchemaField::name).toArray(String[]::new));
  }

  public static DatasetWriter create(Path file, DatasetSchema schema) throws IOException {
    return new DatasetWriter(file, schema);
  }

  public void row(Object... values) throws IOException {
    List<SchemaField> fields = schema.fields();
    line++;
    if (values.length != fields.size()) {
      throw new IllegalArgumentException(file + ":" + line + ": " + values.length + " values for " + fields.size()
          + " fields");
    }
    for (int i = 0; i < values.length; i++) {
      cells[i] = cell(fields.get(i), values[i]);
    }
    rows.write(cells);
  }

  private String cell(SchemaField field, Object value) {
    if (value == null) {
      if (!field.nullable()) {
        throw new IllegalArgumentException(file + ":" + line + ": " + field.name() + ": null, but not nullable");
      }
      return "";
    }
    boolean fits = switch (field.type()) {
      case STRING -> value instanceof String || (field.categorical() && value instanceof List);
      case INT -> value instanceof Integer;
      case LONG -> value instanceof Long || value instanceof Integer;
      case FLOAT, DOUBLE -> value instanceof Number;
      case BOOLEAN -> value instanceof Boolean;
    };
    if (!fits) {
      throw new IllegalArgumentException(file + ":" + line + ": " + field.name() + ": a "
          + value.getClass().getSimpleName() + " does not fit a " + field.type().avroName() + " field");
    }
    String text = value instanceof List<?> list ? String.join("|", list.stream().map(String::valueOf).toList())
        : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    if (text.isEmpty()) {
      throw new IllegalArgumentException(file + ":" + line + ": " + field.name()
          + ": an empty value reads back as null; pass null for a nullable field");
    }
    return text;
  }

  @Override
  public void close() throws IOException {
    rows.close();
    out.close();
  }
}
