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
    violations.dataLocation(field + ".path", path, true);
    violations.string(field + ".kmsKeyArn", kmsKeyArn, ApiRules.KMS_KEY_ARN, false);
  }
}
