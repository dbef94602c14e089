package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The ListFilters response; the API model spells its list "Filters". nextToken is null on the last page. */
public record ListFiltersResponse(
    @JsonProperty("Filters") List<FilterSummary> filters,
    @JsonInclude(JsonInclude.Include.ALWAYS) String nextToken) {}
