package io.segmentbeam.api;

import java.util.List;

/** The ListSolutions response, newest first; nextToken is left out on the last page. */
public record ListSolutionsResponse(List<SolutionSummary> solutions, String nextToken) {}
