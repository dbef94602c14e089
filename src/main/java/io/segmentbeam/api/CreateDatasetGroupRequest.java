package io.segmentbeam.api;

import java.util.List;

/** The CreateDatasetGroup request, field for field. */
public record CreateDatasetGroupRequest(String name, String roleArn, String kmsKeyArn, String domain, List<Tag> tags) {

  public void validate() {
    Violations violations = new Violations()
        .string("name", name, ApiRules.NAME, true)
        .string("roleArn", roleArn, ApiRules.ROLE_ARN, false)
        .string("kmsKeyArn", kmsKeyArn, ApiRules.KMS_KEY_ARN, false)
        .oneOf("domain", domain, ApiRules.DOMAINS);
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }
}
