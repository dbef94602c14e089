package io.segmentbeam.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a JSON-lines input into lines without losing any: {@code \n} or {@code \r\n} end a line,
 * a final line needs no terminator, and a byte-order mark at the start is dropped. Each line is
 * decoded as strict UTF-8, so invalid bytes are reported rather than silently replaced.
 */
final class LineReader {
  /** Lines longer than this are rejected without being held in memory. */
  static final int MAX_LINE_BYTES = 64 * 1024;

  /** One line, or what was wrong with it. */
  record Line(long number, String text, String error) {}

  private final InputStream in;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private long number;

  LineReader(InputStream in) {
    this.in = in;
  }

  /** The next line, or null at the end of input. */
  Line next() throws IOException {
    buffer.reset();
    long length = 0;
    int previous = -1;
    int b;
    while ((b = in.read()) != -1 && b != '\n') {
      length++;
      if (length <= MAX_LINE_BYTES + 1) {
        buffer.write(b);
      }
      previous = b;
    }
    if (b == -1 && length == 0) {
      return null;
    }
    number++;
    if (b == '\n' && previous == '\r') {
      length--;
    }
    if (length > MAX_LINE_BYTES) {
      return new Line(number, null, "Line is " + length + " bytes long; the limit is " + MAX_LINE_BYTES + " bytes");
    }
    byte[] bytes = buffer.toByteArray();
    int end = (int) length;
    int start = number == 1 && end >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    ByteBuffer content = ByteBuffer.wrap(bytes, start, end - start);
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(content.duplicate())
          .toString();
      return new Line(number, text, null);
    } catch (CharacterCodingException e) {
      String lossy = StandardCharsets.UTF_8.decode(content).toString();
      return new Line(number, lossy, "Line is not valid UTF-8 (invalid byte sequence; shown with replacement characters)");
    }
  }
}
