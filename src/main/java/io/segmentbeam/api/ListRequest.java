package io.segmentbeam.api;

/**
 * What every List operation's request shares: a page size, a page token, and an optional ARN that
 * narrows the listing (e.g. {@code datasetArn}).
 */
public interface ListRequest {
  Integer maxResults();

  String nextToken();

  default int effectiveMaxResults() {
    return maxResults() == null ? ApiRules.MAX_RESULTS_DEFAULT : maxResults();
  }

  /** Checks the page size, the token and the narrowing ARN, named {@code arnField}. */
  default void validate(String arnField, String arn) {
    new Violations()
        .string(arnField, arn, ApiRules.ARN, false)
        .range("maxResults", maxResults(), ApiRules.MAX_RESULTS_MIN, ApiRules.MAX_RESULTS_MAX)
        .string("nextToken", nextToken(), ApiRules.NEXT_TOKEN, false)
        .throwIfAny();
  }
}
