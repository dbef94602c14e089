package io.segmentbeam.api;

/** A pagination token that this store did not issue, or that belongs to another query. */
public final class InvalidNextTokenException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  public InvalidNextTokenException(String message) {
    super(message);
  }
}
