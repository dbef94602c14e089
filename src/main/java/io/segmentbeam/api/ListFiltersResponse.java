package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The ListFilters response; the API model spells its list "Filters". nextToken is omitted on the last page, as AWS omits it. */
public record ListFiltersResponse(
    @JsonProperty("Filters") List<FilterSummary> filters,
    String nextToken) {}
