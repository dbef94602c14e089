package io.segmentbeam.api;

/** The resource is busy: e.g. a dataset another import or put changed while a put ran. */
public final class ResourceInUseException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  public ResourceInUseException(String message) {
    super(message);
  }
}
