package io.segmentbeam.api;

/** The DescribeSolution response. */
public record DescribeSolutionResponse(Solution solution) {}
