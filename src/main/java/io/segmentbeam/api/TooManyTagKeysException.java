package io.segmentbeam.api;

/** An UntagResource request names more tag keys than one resource can carry. */
public final class TooManyTagKeysException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  public TooManyTagKeysException(String message) {
    super(message);
  }
}
