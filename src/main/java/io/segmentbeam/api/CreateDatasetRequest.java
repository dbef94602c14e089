package io.segmentbeam.api;

import java.util.List;

/** The CreateDataset request, field for field. */
public record CreateDatasetRequest(String name, String schemaArn, String datasetGroupArn, String datasetType,
    List<Tag> tags) {

  public void validate() {
    Violations violations = new Violations()
        .string("name", name, ApiRules.NAME, true)
        .string("schemaArn", schemaArn, ApiRules.ARN, true)
        .string("datasetGroupArn", datasetGroupArn, ApiRules.ARN, true)
        .string("datasetType", datasetType, ApiRules.DATASET_TYPE, true);
    if (datasetType != null && ApiRules.DATASET_TYPE.accepts(datasetType)
        && ApiRules.DATASET_TYPES.stream().noneMatch(datasetType::equalsIgnoreCase)) {
      violations.add("datasetType", datasetType, "Member must be one of " + ApiRules.DATASET_TYPES
          + " (case insensitive)");
    }
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }
}
