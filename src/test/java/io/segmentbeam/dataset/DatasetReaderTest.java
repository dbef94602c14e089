package io.segmentbeam.dataset;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatasetReaderTest {
  static final DatasetSchema INTERACTIONS = DatasetSchema.of(DatasetType.INTERACTIONS, List.of(
      new SchemaField("USER_ID", FieldType.STRING, false, false, false),
      new SchemaField("ITEM_ID", FieldType.STRING, false, false, false),
      new SchemaField("EVENT_VALUE", FieldType.FLOAT, true, false, false),
      new SchemaField("TIMESTAMP", FieldType.LONG, false, false, false)));
  static final DatasetSchema ITEMS = DatasetSchema.of(DatasetType.ITEMS, List.of(
      new SchemaField("ITEM_ID", FieldType.STRING, false, false, false),
      new SchemaField("GENRES", FieldType.STRING, false, true, false),
      new SchemaField("YEAR", FieldType.INT, true, false, false),
      new SchemaField("ADULT", FieldType.BOOLEAN, true, false, false),
      new SchemaField("DESCRIPTION", FieldType.STRING, true, false, true)));

  @TempDir Path folder;

  @Test
  void writtenRowsReadBackWithTheirValuesAndLines() throws IOException {
    Path file = folder.resolve("items.csv");
    try (DatasetWriter writer = DatasetWriter.create(file, ITEMS)) {
      writer.row("i1", List.of("Comedy", "Drama"), 1999, true, "Funny, \"sad\" and long");
      writer.row("i2", List.of("Action"), null, null, null);
      writer.row("i3", List.of("Drama"), null, null, null);
    }
    List<String> seen = new ArrayList<>();
    DatasetReader.read(file.toString(), ITEMS, row -> seen.add(row.line() + " " + row.text(0) + " "
        + row.categories(1) + " " + (row.isNull(2) ? "-" : row.longValue(2)) + " "
        + (row.isNull(3) ? "-" : row.booleanValue(3)) + " " + row.text(4)));
    assertThat(seen, equalTo(List.of("2 i1 [Comedy, Drama] 1999 true Funny, \"sad\" and long",
        "3 i2 [Action] - - null", "4 i3 [Drama] - - null")));
  }

  @Test
  void decimalsAreWrittenPlainAndReadBack() throws IOException {
    Path file = folder.resolve("interactions.csv");
    try (DatasetWriter writer = DatasetWriter.create(file, INTERACTIONS)) {
      writer.row("u1", "i1", new BigDecimal("12.50"), 1700000000L);
    }
    assertThat(Files.readString(file), equalTo("USER_ID,ITEM_ID,EVENT_VALUE,TIMESTAMP\nu1,i1,12.50,1700000000\n"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      wrong header order     | ITEM_ID,USER_ID,EVENT_VALUE,TIMESTAMP\\nu1,i1,1,5  | 1: USER_ID: the header has "ITEM_ID" where the schema has USER_ID; the header must be USER_ID,ITEM_ID,EVENT_VALUE,TIMESTAMP
      missing header column  | USER_ID,ITEM_ID,EVENT_VALUE\\nu1,i1,1             | 1: TIMESTAMP: the header lacks this column; the header must be USER_ID,ITEM_ID,EVENT_VALUE,TIMESTAMP
      extra header column    | USER_ID,ITEM_ID,EVENT_VALUE,TIMESTAMP,X\\n         | 1: X: the header has a column the schema does not have; the header must be USER_ID,ITEM_ID,EVENT_VALUE,TIMESTAMP
      too few columns        | H\\nu1,i1,1,5\\nu2,i2,1                            | 3: TIMESTAMP: the row has 3 values, the schema has 4 fields
      too many columns       | H\\nu1,i1,1,5,6                                    | 2: (row): the row has 5 values, the schema has 4 fields
      empty non-nullable     | H\\nu1,,1,5                                        | 2: ITEM_ID: is empty, but the field is not nullable
      bad long               | H\\nu1,i1,1,17a                                    | 2: TIMESTAMP: "17a" is not a long (epoch seconds)
      out-of-range long      | H\\nu1,i1,1,99999999999999999999                   | 2: TIMESTAMP: "99999999999999999999" is out of range for a long (epoch seconds)
      bad float              | H\\nu1,i1,1.2.3,5                                  | 2: EVENT_VALUE: "1.2.3" is not a float
      float not finite       | H\\nu1,i1,1e999,5                                  | 2: EVENT_VALUE: "1e999" is not a float
      negative timestamp     | H\\nu1,i1,1,-5                                     | 2: TIMESTAMP: "-5" is negative; timestamps are epoch seconds
      unterminated quote     | H\\nu1,"i1,1,5                                     | 2: (row): is not valid CSV: Missing closing quote for value
      empty file             | ''                                                 | 1: (header): the file is empty; it needs a header row: USER_ID,ITEM_ID,EVENT_VALUE,TIMESTAMP
      """)
  void malformedInteractionsNameTheLineColumnAndProblem(String name, String content, String expected)
      throws IOException {
    String text = content.replace("\\n", "\n").replace("H\n", "USER_ID,ITEM_ID,EVENT_VALUE,TIMESTAMP\n");
    Path file = Files.writeString(folder.resolve("interactions.csv"), text);
    DatasetException e = assertThrows(DatasetException.class,
        () -> DatasetReader.read(file.toString(), INTERACTIONS, row -> { }));
    assertThat(e.getMessage(), equalTo(file + ":" + expected));
  }

  @Test
  void badIntBooleanAndLongIdNameTheirColumn() throws IOException {
    String header = "ITEM_ID,GENRES,YEAR,ADULT,DESCRIPTION\n";
    assertThat(itemsError(header + "i1,Comedy,19x9,,\n"), equalTo("2: YEAR: \"19x9\" is not an int"));
    assertThat(itemsError(header + "i1,Comedy,,yes,\n"), equalTo("2: ADULT: \"yes\" is not a boolean (true or false)"));
    assertThat(itemsError(header + "i1,Comedy,,,\n" + "x".repeat(257) + ",Drama,,,\n"),
        equalTo("3: ITEM_ID: is 257 characters long; ids are at most 256"));
  }

  @Test
  void invalidUtf8IsReportedWithItsLineAndColumn() throws IOException {
    Path file = folder.resolve("items.csv");
    byte[] head = "ITEM_ID,GENRES,YEAR,ADULT,DESCRIPTION\ni1,".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + 3];
    System.arraycopy(head, 0, bytes, 0, head.length);
    bytes[head.length] = (byte) 0xC3;
    bytes[head.length + 1] = (byte) 0x28;
    bytes[head.length + 2] = '\n';
    Files.write(file, bytes);
    DatasetException e = assertThrows(DatasetException.class,
        () -> DatasetReader.read(file.toString(), ITEMS, row -> { }));
    assertThat(e.getMessage(), equalTo(file + ":2: GENRES: is not valid UTF-8"));
  }

  @Test
  void aFolderIsReadInNameOrderAndErrorsNameTheFile() throws IOException {
    Path data = Files.createDirectories(folder.resolve("data"));
    String header = "USER_ID,ITEM_ID,EVENT_VALUE,TIMESTAMP\n";
    Files.writeString(data.resolve("a.csv"), header + "u1,i1,,5\n");
    Files.writeString(data.resolve("b.csv"), header + "u2,i2,,6\nu3,i3,,x\n");
    Files.writeString(data.resolve("_SUCCESS"), "");
    DatasetException e = assertThrows(DatasetException.class,
        () -> DatasetReader.read(data + "/", INTERACTIONS, row -> { }));
    assertThat(e.getMessage(), equalTo(data.resolve("b.csv") + ":3: TIMESTAMP: \"x\" is not a long (epoch seconds)"));
  }

  private String itemsError(String content) throws IOException {
    Path file = Files.writeString(folder.resolve("items.csv"), content);
    DatasetException e = assertThrows(DatasetException.class, () -> DatasetReader.read(file.toString(), ITEMS, r -> { }));
    return e.getMessage().substring(file.toString().length() + 1);
  }
}
