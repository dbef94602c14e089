package io.segmentbeam.api;

/** The DescribeSolutionVersion response. */
public record DescribeSolutionVersionResponse(SolutionVersionDetails solutionVersion) {}
