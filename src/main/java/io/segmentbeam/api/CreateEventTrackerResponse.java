package io.segmentbeam.api;

/** The CreateEventTracker response. */
public record CreateEventTrackerResponse(String eventTrackerArn, String trackingId) {}
