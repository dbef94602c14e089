package io.segmentbeam.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three Personalize dataset types a segment model is trained on, with the record name their
 * Avro schema carries and the fields each one requires, with the type each must have.
 */
public enum DatasetType {
  USERS("Users", ordered("USER_ID", FieldType.STRING)),
  ITEMS("Items", ordered("ITEM_ID", FieldType.STRING)),
  INTERACTIONS("Interactions", ordered("USER_ID", FieldType.STRING, "ITEM_ID", FieldType.STRING,
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

  /** The record name with its indefinite article, for messages: "an Interactions", "a Users". */
  public String withArticle() {
    return (this == USERS ? "a " : "an ") + recordName;
  }

  /** Required fields in a fixed order, so that the first one missing is always the one reported. */
  private static Map<String, FieldType> ordered(Object... namesAndTypes) {
    Map<String, FieldType> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndTypes.length; i += 2) {
      fields.put((String) namesAndTypes[i], (FieldType) namesAndTypes[i + 1]);
    }
    return Collections.unmodifiableMap(fields);
  }

  /** Required field names and the type each must have (not nullable). */
  public Map<String, FieldType> requiredFields() {
    return required;
  }
}
