package io.segmentbeam.api;

/** The CreateSolutionVersion response. */
public record CreateSolutionVersionResponse(String solutionVersionArn) {}
