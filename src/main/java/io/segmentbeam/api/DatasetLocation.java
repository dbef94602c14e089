package io.segmentbeam.api;

/**
 * Local extension: where one dataset of a training request is. In Personalize the data would come
 * from a dataset group, filled by dataset import jobs; locally it is read where it lies.
 *
 * @param dataLocation the CSV file, or a folder ending in {@code /} of CSV files, as an import
 *     job's {@code dataSource.dataLocation}
 * @param schemaLocation the file holding the dataset's Avro schema JSON, as CreateSchema takes it
 */
public record DatasetLocation(String dataLocation, String schemaLocation) {

  void validate(String field, Violations violations) {
    violations.dataLocation(field + ".dataLocation", dataLocation, true);
    violations.dataLocation(field + ".schemaLocation", schemaLocation, true);
  }
}
