package io.segmentbeam.query;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One valid input line: an Item-Affinity query ({@code itemId}) or an Item-Attribute-Affinity
 * query ({@code itemAttributes}), with the filter parameter values it carries.
 *
 * @param input the line's JSON object, echoed in the output line
 */
public record SegmentQuery(ObjectNode input, String itemId, String itemAttributes, Map<String, String> filterValues) {

  public boolean isItemAffinity() {
    return itemId != null;
  }
}
