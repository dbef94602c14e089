package io.segmentbeam.api;

import java.util.List;

/** The CreateDatasetImportJob request, field for field. */
public record CreateDatasetImportJobRequest(
    String jobName,
    String datasetArn,
    DataSource dataSource,
    String roleArn,
    List<Tag> tags,
    String importMode,
    Boolean publishAttributionMetricsToS3) {

  /** FULL unless the request says otherwise, as in Personalize. */
  public String effectiveImportMode() {
    return importMode == null ? ApiRules.IMPORT_MODES.get(0) : importMode;
  }

  public boolean effectivePublishAttributionMetricsToS3() {
    return Boolean.TRUE.equals(publishAttributionMetricsToS3);
  }

  public void validate() {
    Violations violations = new Violations()
        .string("jobName", jobName, ApiRules.NAME, true)
        .string("datasetArn", datasetArn, ApiRules.ARN, true)
        .string("roleArn", roleArn, ApiRules.ROLE_ARN, false)
        .oneOf("importMode", importMode, ApiRules.IMPORT_MODES);
    DataSource.validateMember("dataSource", dataSource, violations);
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }
}
