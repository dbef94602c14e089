package io.segmentbeam.api;

/** A resource tag. Tag keys and values are sensitive in the API model and never echoed in errors. */
public record Tag(String tagKey, String tagValue) {}
