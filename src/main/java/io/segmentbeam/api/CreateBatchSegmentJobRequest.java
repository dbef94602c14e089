package io.segmentbeam.api;

import java.util.List;

/** The CreateBatchSegmentJob request, field for field. */
public record CreateBatchSegmentJobRequest(
    String filterArn,
    BatchSegmentJobInput jobInput,
    String jobName,
    BatchSegmentJobOutput jobOutput,
    Integer numResults,
    String roleArn,
    String solutionVersionArn,
    List<Tag> tags) {

  /** numResults as the job runs it: the request's value or the service default. */
  public int effectiveNumResults() {
    return numResults == null ? ApiRules.NUM_RESULTS_DEFAULT : numResults;
  }

  /** Checks every field against the API model; throws InvalidInputException naming each bad field. */
  public void validate() {
    Violations violations = new Violations();
    violations.string("jobName", jobName, ApiRules.NAME, true);
    violations.string("solutionVersionArn", solutionVersionArn, ApiRules.ARN, true);
    violations.string("filterArn", filterArn, ApiRules.ARN, false);
    violations.range("numResults", numResults, ApiRules.NUM_RESULTS_MIN, ApiRules.NUM_RESULTS_MAX);
    violations.string("roleArn", roleArn, ApiRules.ROLE_ARN, true);
    if (jobInput == null) {
      violations.notNull("jobInput");
    } else {
      jobInput.validate(violations);
    }
    if (jobOutput == null) {
      violations.notNull("jobOutput");
    } else {
      jobOutput.validate(violations);
    }
    validateTags(violations);
    violations.throwIfAny();
  }

  private void validateTags(Violations violations) {
    if (tags == null) {
      return;
    }
    if (tags.size() > ApiRules.TAGS_MAX) {
      violations.add("tags", "[" + tags.size() + " tags]",
          "Member must have length less than or equal to " + ApiRules.TAGS_MAX);
    }
    for (int i = 0; i < tags.size(); i++) {
      Tag tag = tags.get(i);
      String field = "tags." + (i + 1);
      if (tag == null) {
        violations.notNull(field);
        continue;
      }
      // Tag keys and values are sensitive shapes: report the field, never the value.
      checkSensitive(violations, field + ".member.tagKey", tag.tagKey(), ApiRules.TAG_KEY);
      checkSensitive(violations, field + ".member.tagValue", tag.tagValue(), ApiRules.TAG_VALUE);
    }
  }

  private static void checkSensitive(Violations violations, String field, String value, StringRule rule) {
    if (!rule.accepts(value)) {
      violations.add(field, "***", "Member must satisfy the " + rule.shape() + " constraints (length "
          + rule.min() + " to " + rule.max() + ", pattern " + rule.pattern().pattern() + ")");
    }
  }
}
