package io.segmentbeam.api;

import java.util.List;

/** The PutItems request of the Personalize Events API, field for field. */
public record PutItemsRequest(String datasetArn, List<Item> items) {

  /** One item; {@code properties} is a JSON object as a string, e.g. {@code "{\"genres\": \"Action|Drama\"}"}. */
  public record Item(String itemId, String properties) {}

  public void validate() {
    Violations violations = new Violations().string("datasetArn", datasetArn, ApiRules.ARN, true);
    PutRecordRules.records(violations, "items", items,
        (field, item) -> PutRecordRules.record(violations, field, "itemId", item.itemId(), item.properties()));
    violations.throwIfAny();
  }
}
