package io.segmentbeam.service;

import com.fasterxml.jackson.databind.JsonNode;

/** One API operation as the endpoint serves it: the request document in, the response shape out. */
@FunctionalInterface
interface Operation {
  Object call(JsonNode request);
}
