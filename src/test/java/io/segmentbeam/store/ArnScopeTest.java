package io.segmentbeam.store;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ArnScopeTest {
  static final ArnScope SCOPE = new ArnScope("aws", "us-east-1", "123456789012");

  @Test
  void nameOfAnArnOfThisScopeAndType() {
    assertThat(SCOPE.nameOf(SCOPE.arn("batch-segment-job", "job-1"), "batch-segment-job"), equalTo(Optional.of("job-1")));
  }

  @Test
  void arnsOfOtherScopesTypesOrInvalidNamesNameNothing() {
    for (String arn : new String[] {
        "arn:aws:personalize:eu-west-1:123456789012:batch-segment-job/job-1",
        "arn:aws:personalize:us-east-1:210987654321:batch-segment-job/job-1",
        "arn:aws:personalize:us-east-1:123456789012:dataset-import-job/job-1",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/../secrets",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/" + "a".repeat(64)}) {
      assertThat(arn, SCOPE.nameOf(arn, "batch-segment-job"), equalTo(Optional.empty()));
    }
  }
}
