package io.segmentbeam.dataset;

import java.io.IOException;

/**
 * A dataset file or schema that does not fit Personalize's rules. For data files the message is
 * {@code <file>:<line>: <COLUMN>: <what is wrong>}, line 1 being the header.
 */
public class DatasetException extends IOException {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message);
  }

  static DatasetException at(String file, long line, String column, String problem) {
    return new DatasetException(file + ":" + line + ": " + column + ": " + problem);
  }
}
