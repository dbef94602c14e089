package io.segmentbeam.storage;

import java.io.IOException;

/** A listing that could not be taken, or grew past its bound; the message says which and where. */
public final class ListingException extends IOException {
  public ListingException(String message) {
    super(message);
  }

  public ListingException(String message, Throwable cause) {
    super(message, cause);
  }
}
