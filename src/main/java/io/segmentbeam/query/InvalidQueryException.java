package io.segmentbeam.query;

/** A query line that cannot be served; the message becomes the line's {@code error}. */
public class InvalidQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidQueryException(String message) {
    super(message);
  }
}
