package io.segmentbeam.api;

/** The ListSchemas request. */
public record ListSchemasRequest(Integer maxResults, String nextToken) implements ListRequest {

  public void validate() {
    validate(null, null);
  }
}
