package io.segmentbeam.api;

public record CreateFilterResponse(String filterArn) {}
