package io.segmentbeam.api;

import java.util.Map;

/** The GetSolutionMetrics response: the version's ARN and its metrics by name. */
public record GetSolutionMetricsResponse(String solutionVersionArn, Map<String, Double> metrics) {}
