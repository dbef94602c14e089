package io.segmentbeam.api;

/** The DescribeEventTracker request. */
public record DescribeEventTrackerRequest(String eventTrackerArn) {

  public void validate() {
    new Violations().string("eventTrackerArn", eventTrackerArn, ApiRules.ARN, true).throwIfAny();
  }
}
