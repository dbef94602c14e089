package io.segmentbeam.api;

import java.math.BigDecimal;

/** The EventTracker shape: its trackingId is what PutEvents names to reach a group's Interactions dataset. */
public record EventTracker(
    String accountId,
    BigDecimal creationDateTime,
    String datasetGroupArn,
    String eventTrackerArn,
    BigDecimal lastUpdatedDateTime,
    String name,
    String status,
    String trackingId) {

  public EventTrackerSummary summary() {
    return new EventTrackerSummary(creationDateTime, eventTrackerArn, lastUpdatedDateTime, name, status);
  }
}
