package io.segmentbeam.api;

import java.util.List;

/** The ListSolutionVersions response, newest first; nextToken is left out on the last page. */
public record ListSolutionVersionsResponse(List<SolutionVersionSummary> solutionVersions, String nextToken) {}
