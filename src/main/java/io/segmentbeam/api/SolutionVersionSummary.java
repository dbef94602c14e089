package io.segmentbeam.api;

import java.math.BigDecimal;

/** A solution version as ListSolutionVersions and a solution's latestSolutionVersion give it. */
public record SolutionVersionSummary(String solutionVersionArn, String status, String trainingMode,
    String trainingType, BigDecimal creationDateTime, BigDecimal lastUpdatedDateTime, String failureReason) {}
