package io.segmentbeam.api;

/** A resource with the same name already exists. */
public final class ResourceAlreadyExistsException extends PersonalizeException {
  private static final long serialVersionUID = 1L;

  public ResourceAlreadyExistsException(String message) {
    super(message);
  }
}
