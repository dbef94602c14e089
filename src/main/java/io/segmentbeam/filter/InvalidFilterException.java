package io.segmentbeam.filter;

/** A filter expression that cannot be used: the message says where (the character) and why. */
public final class InvalidFilterException extends Exception {
  private final int position;

  public InvalidFilterException(int position, String message) {
    super("Invalid filter expression at character " + position + ": " + message);
    this.position = position;
  }

  /** The 1-based character of the expression the problem was found at. */
  public int position() {
    return position;
  }
}
