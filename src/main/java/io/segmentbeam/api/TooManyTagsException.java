package io.segmentbeam.api;

/** A resource would carry more tags than Personalize allows on one resource. */
public final class TooManyTagsException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  public TooManyTagsException(String message) {
    super(message);
  }
}
