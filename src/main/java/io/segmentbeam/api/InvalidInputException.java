package io.segmentbeam.api;

/** A field or parameter has a value the API model does not allow. */
public final class InvalidInputException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  public InvalidInputException(String message) {
    super(message);
  }
}
