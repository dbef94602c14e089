package io.segmentbeam.api;

/**
 * An error as Amazon Personalize reports it: an error type from the API model and a message.
 * The type name is the {@code __type} of the AWS JSON 1.1 error body.
 */
public abstract class PersonalizeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected PersonalizeException(String message) {
    super(message);
  }

  /** The error shape's name in the API model, e.g. {@code InvalidInputException}. */
  public String errorType() {
    return getClass().getSimpleName();
  }
}
