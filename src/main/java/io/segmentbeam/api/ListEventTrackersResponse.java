package io.segmentbeam.api;

import java.util.List;

/** The ListEventTrackers response; nextToken is omitted on the last page, as AWS omits it. */
public record ListEventTrackersResponse(
    List<EventTrackerSummary> eventTrackers,
    String nextToken) {}
