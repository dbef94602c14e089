package io.segmentbeam.api;

import java.util.List;

/** The ListTagsForResource response: the resource's tags, in the order they were first given. */
public record ListTagsForResourceResponse(List<Tag> tags) {}
