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
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }
}
