package io.segmentbeam.api;

/**
 * A request SegmentBeam could not serve for a reason of its own, such as a job store that cannot
 * be written: AWS's common {@code InternalFailure} error, with a message naming what failed.
 */
public final class InternalFailureException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  public InternalFailureException(String message) {
    super(message);
  }

  @Override
  public String errorType() {
    return "InternalFailure";
  }
}
