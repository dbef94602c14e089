package io.segmentbeam.dataset;

import java.util.Locale;
import java.util.Optional;

/** The Avro primitive types Personalize dataset fields may have. */
public enum FieldType {
  STRING, INT, LONG, FLOAT, DOUBLE, BOOLEAN;

  public boolean isNumeric() {
    return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
  }

  /** The type's Avro name, e.g. {@code "long"}. */
  public String avroName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<FieldType> fromAvroName(String name) {
    for (FieldType type : values()) {
      if (type.avroName().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
