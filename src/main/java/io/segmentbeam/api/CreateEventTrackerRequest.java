package io.segmentbeam.api;

import java.util.List;

/** The CreateEventTracker request, field for field. */
public record CreateEventTrackerRequest(String name, String datasetGroupArn, List<Tag> tags) {

  public void validate() {
    Violations violations = new Violations()
        .string("name", name, ApiRules.NAME, true)
        .string("datasetGroupArn", datasetGroupArn, ApiRules.ARN, true);
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }
}
