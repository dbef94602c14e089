package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The ListEventTrackers response; nextToken is null on the last page. */
public record ListEventTrackersResponse(
    List<EventTrackerSummary> eventTrackers,
    @JsonInclude(JsonInclude.Include.ALWAYS) String nextToken) {}
