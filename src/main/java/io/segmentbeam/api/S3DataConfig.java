package io.segmentbeam.api;

/** S3DataConfig: where a job reads or writes, and the KMS key for those objects. */
public record S3DataConfig(String kmsKeyArn, String path) {

  /** Checks a required S3DataConfig member: present, with a valid path and KMS key. */
  static void validateMember(String field, S3DataConfig config, Violations violations) {
    if (config == null) {
      violations.notNull(field);
    } else {
      config.validate(field, violations);
    }
  }

  private void validate(String field, Violations violations) {
    String pathField = field + ".path";
    if (path != null && DataLocations.isLocal(path)) {
      // Local extension of the S3Location rule: the length bound still holds.
      violations.string(pathField, path, ApiRules.S3_LOCATION.withoutPattern(), true);
    } else {
      violations.string(pathField, path, ApiRules.S3_LOCATION, true);
    }
    violations.string(field + ".kmsKeyArn", kmsKeyArn, ApiRules.KMS_KEY_ARN, false);
  }
}
