package io.segmentbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineReaderTest {

  private static List<LineReader.Line> read(byte[] bytes) throws IOException {
    LineReader reader = new LineReader(new ByteArrayInputStream(bytes));
    List<LineReader.Line> lines = new ArrayList<>();
    for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
      lines.add(line);
    }
    return lines;
  }

  private static List<LineReader.Line> read(String text) throws IOException {
    return read(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void splitsOnNewlinesKeepingBlankLinesAndALastLineWithoutNewline() throws IOException {
    assertThat(read("a\r\n\nb\nc"), equalTo(List.of(new LineReader.Line(1, "a", null),
        new LineReader.Line(2, "", null), new LineReader.Line(3, "b", null), new LineReader.Line(4, "c", null))));
  }

  @Test
  void finalNewlineDoesNotAddALine() throws IOException {
    assertThat(read("a\n").size(), equalTo(1));
    assertThat(read("").size(), equalTo(0));
  }

  @Test
  void byteOrderMarkIsDropped() throws IOException {
    assertThat(read("\uFEFF{\"itemId\": \"1\"}\n").get(0).text(), equalTo("{\"itemId\": \"1\"}"));
  }

  @Test
  void invalidUtf8IsReported() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("ok\n{\"itemId\": \"".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xC3);
    bytes.write(0x28);
    bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
    List<LineReader.Line> lines = read(bytes.toByteArray());
    assertThat(lines.get(0).error(), equalTo(null));
    assertThat(lines.get(1).number(), equalTo(2L));
    assertThat(lines.get(1).error(), equalTo(
        "Line is not valid UTF-8 (invalid byte sequence; shown with replacement characters)"));
    assertThat(lines.get(1).text(), equalTo("{\"itemId\": \"\uFFFD(\"}"));
  }

  @Test
  void overlongLineIsReportedAndReadingContinues() throws IOException {
    String longLine = "x".repeat(LineReader.MAX_LINE_BYTES + 1);
    List<LineReader.Line> lines = read(longLine + "\r\n" + "x".repeat(LineReader.MAX_LINE_BYTES) + "\r\nnext\n");
    assertThat(lines.get(0).error(), equalTo("Line is 65537 bytes long; the limit is 65536 bytes"));
    assertThat(lines.get(1).error(), equalTo(null));
    assertThat(lines.get(1).text().length(), equalTo(LineReader.MAX_LINE_BYTES));
    assertThat(lines.get(2), equalTo(new LineReader.Line(3, "next", null)));
  }
}
