package io.segmentbeam.api;

/** The DescribeEventTracker response. */
public record DescribeEventTrackerResponse(EventTracker eventTracker) {}
