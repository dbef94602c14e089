package io.segmentbeam.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;

/**
 * How dataset records are written as CSV, the one dialect every writer uses: a record as a row of
 * its cells, each quoted only where CSV needs it.
 */
public final class CsvLines {
  private static final CsvMapper CSV = new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
  private static final ObjectWriter ROW = writer("");

  private CsvLines() {}

  /** A writer of rows (String arrays), each ended by {@code lineSeparator}. */
  static ObjectWriter writer(String lineSeparator) {
    return CSV.writer(CsvSchema.emptySchema().withLineSeparator(lineSeparator));
  }

  /** The row of these cells, without the line break; a null cell is empty. */
  public static String encode(String[] cells) {
    String[] texts = new String[cells.length];
    for (int i = 0; i < cells.length; i++) {
      texts[i] = cells[i] == null ? "" : cells[i];
    }
    try {
      return ROW.writeValueAsString(texts);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
