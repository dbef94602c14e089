package io.segmentbeam.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.UncheckedIOException;

/** One dataset record as one CSV row, quoted only where CSV needs it, without the line break. */
public final class CsvLines {
  private static final ObjectWriter ROW = new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .writer(CsvSchema.emptySchema().withLineSeparator(""));

  private CsvLines() {}

  /** The row of these cells; a null cell is empty. */
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
