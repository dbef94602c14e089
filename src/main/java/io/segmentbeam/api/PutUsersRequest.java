package io.segmentbeam.api;

import java.util.List;

/** The PutUsers request of the Personalize Events API, field for field. */
public record PutUsersRequest(String datasetArn, List<User> users) {

  /** One user; {@code properties} is a JSON object as a string, e.g. {@code "{\"membership\": \"gold\"}"}. */
  public record User(String userId, String properties) {}

  public void validate() {
    Violations violations = new Violations().string("datasetArn", datasetArn, ApiRules.ARN, true);
    PutRecordRules.records(violations, "users", users,
        (field, user) -> PutRecordRules.record(violations, field, "userId", user.userId(), user.properties()));
    violations.throwIfAny();
  }
}
