package io.segmentbeam.api;

/** The named job, solution version or filter does not exist. */
public final class ResourceNotFoundException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  public ResourceNotFoundException(String message) {
    super(message);
  }
}
