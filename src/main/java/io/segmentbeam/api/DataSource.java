package io.segmentbeam.api;

/** DataSource: the CSV file, or folder ending in {@code /}, an import job reads. */
public record DataSource(String dataLocation) {

  static void validateMember(String field, DataSource source, Violations violations) {
    if (source == null) {
      violations.notNull(field);
    } else {
      violations.dataLocation(field + ".dataLocation", source.dataLocation(), true);
    }
  }
}
