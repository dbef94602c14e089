package io.segmentbeam.dataset;

import java.util.Locale;
import java.util.Optional;

/**
 * How a stored record came in: BULK from a dataset import job, PUT from PutEvents, PutUsers or
 * PutItems. Export jobs choose records by it. Stored files carry it as their name's prefix.
 */
public enum RecordOrigin {
  BULK, PUT;

  /** What the names of the files holding records of this origin start with, e.g. {@code bulk}. */
  public String fileStem() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The prefix of those names, up to the shard number: {@code bulk-}. */
  public String filePrefix() {
    return fileStem() + "-";
  }

  /** The origin of a stored file, from its name. */
  public static Optional<RecordOrigin> ofFile(String fileName) {
    for (RecordOrigin origin : values()) {
      if (fileName.startsWith(origin.filePrefix())) {
        return Optional.of(origin);
      }
    }
    return Optional.empty();
  }
}
