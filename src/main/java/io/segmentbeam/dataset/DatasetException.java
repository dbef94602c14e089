package io.segmentbeam.dataset;

import java.io.IOException;

/**
 * A dataset file or schema that does not fit Personalize's rules. For data files the message is
 * {@code <file>:<line>: <COLUMN>: <what is wrong>}, line 1 being the header; for a record that is
 * not from a file, {@code <source>: <COLUMN>: <what is wrong>}.
 */
public class DatasetException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  public DatasetException(String message) {
    this(message, null, 0);
  }

  private DatasetException(String message, String file, long line) {
    super(message);
    this.file = file;
    this.line = line;
  }

  static DatasetException at(String file, long line, String column, String problem) {
    return new DatasetException(file + (line > 0 ? ":" + line : "") + ": " + column + ": " + problem, file, line);
  }

  /** The file the problem is in, or null when it is not about a data file. */
  public String file() {
    return file;
  }

  /** The line the problem is on, 1 being the header; 0 when there is none. */
  public long line() {
    return line;
  }
}
