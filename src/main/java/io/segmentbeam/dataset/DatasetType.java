package io.segmentbeam.dataset;

import java.util.Map;

/**
 * The three Personalize dataset types a segment model is trained on, with the record name their
 * Avro schema carries and the fields each one requires, with the type each must have.
 */
public enum DatasetType {
  USERS("Users", Map.of("USER_ID", FieldType.STRING)),
  ITEMS("Items", Map.of("ITEM_ID", FieldType.STRING)),
  INTERACTIONS("Interactions", Map.of("USER_ID", FieldType.STRING, "ITEM_ID", FieldType.STRING,
      "TIMESTAMP", FieldType.LONG));

  private final String recordName;
  private final Map<String, FieldType> required;

  DatasetType(String recordName, Map<String, FieldType> required) {
    this.recordName = recordName;
    this.required = required;
  }

  public String recordName() {
    return recordName;
  }

  /** Required field names and the type each must have (not nullable). */
  public Map<String, FieldType> requiredFields() {
    return required;
  }
}
