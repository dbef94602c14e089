package io.segmentbeam.api;

import java.math.BigDecimal;

/** A solution as ListSolutions lists it. */
public record SolutionSummary(String name, String solutionArn, String status, BigDecimal creationDateTime,
    BigDecimal lastUpdatedDateTime, String recipeArn) {}
