package io.segmentbeam.api;

public record DescribeFilterResponse(Filter filter) {}
