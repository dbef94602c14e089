package io.segmentbeam.api;

import java.math.BigDecimal;

/** The EventTrackerSummary shape, as ListEventTrackers prints it. */
public record EventTrackerSummary(
    BigDecimal creationDateTime,
    String eventTrackerArn,
    BigDecimal lastUpdatedDateTime,
    String name,
    String status) {}
