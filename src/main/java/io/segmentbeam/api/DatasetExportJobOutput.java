package io.segmentbeam.api;

/** DatasetExportJobOutput: where an export job writes its CSV files, and under which KMS key. */
public record DatasetExportJobOutput(S3DataConfig s3DataDestination) {

  static void validateMember(String field, DatasetExportJobOutput output, Violations violations) {
    if (output == null) {
      violations.notNull(field);
    } else {
      S3DataConfig.validateMember(field + ".s3DataDestination", output.s3DataDestination(), violations);
    }
  }
}
