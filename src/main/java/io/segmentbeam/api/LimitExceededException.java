package io.segmentbeam.api;

/** A quota is reached: e.g. more batch jobs pending or in progress than the region allows. */
public final class LimitExceededException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  public LimitExceededException(String message) {
    super(message);
  }
}
