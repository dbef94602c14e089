package io.segmentbeam.api;

/** The CreateSolution response. */
public record CreateSolutionResponse(String solutionArn) {}
