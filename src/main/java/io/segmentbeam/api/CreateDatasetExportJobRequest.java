package io.segmentbeam.api;

import java.util.List;

/** The CreateDatasetExportJob request, field for field. */
public record CreateDatasetExportJobRequest(
    String jobName,
    String datasetArn,
    String ingestionMode,
    String roleArn,
    DatasetExportJobOutput jobOutput,
    List<Tag> tags) {

  /** PUT unless the request says otherwise, as in Personalize. */
  public String effectiveIngestionMode() {
    return ingestionMode == null ? "PUT" : ingestionMode;
  }

  public void validate() {
    Violations violations = new Violations()
        .string("jobName", jobName, ApiRules.NAME, true)
        .string("datasetArn", datasetArn, ApiRules.ARN, true)
        .oneOf("ingestionMode", ingestionMode, ApiRules.INGESTION_MODES)
        .string("roleArn", roleArn, ApiRules.ROLE_ARN, true);
    DatasetExportJobOutput.validateMember("jobOutput", jobOutput, violations);
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }
}
