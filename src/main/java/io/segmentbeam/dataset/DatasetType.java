package io.segmentbeam.dataset;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Personalize's dataset types, with the record name their Avro schema carries and the fields each
 * one requires, with the type each must have. Segment models are trained on the first three;
 * Actions and Action interactions (for Personalize's next-best-action recipes) are kept, imported
 * and exported like the others, and used by no SegmentBeam model.
 */
public enum DatasetType {
  USERS("Users", "USER_ID", ordered("USER_ID", FieldType.STRING)),
  ITEMS("Items", "ITEM_ID", ordered("ITEM_ID", FieldType.STRING)),
  INTERACTIONS("Interactions", null, ordered("USER_ID", FieldType.STRING, "ITEM_ID", FieldType.STRING,
      "TIMESTAMP", FieldType.LONG)),
  ACTIONS("Actions", "ACTION_ID", ordered("ACTION_ID", FieldType.STRING)),
  ACTION_INTERACTIONS("Action_Interactions", null, ordered("USER_ID", FieldType.STRING, "ACTION_ID",
      FieldType.STRING, "TIMESTAMP", FieldType.LONG, "EVENT_TYPE", FieldType.STRING));

  private final String recordName;
  private final String idField;
  private final Map<String, FieldType> required;

  DatasetType(String recordName, String idField, Map<String, FieldType> required) {
    this.recordName = recordName;
    this.idField = idField;
    this.required = required;
  }

  /**
   * The field that identifies a record of an entity (a user, an item, an action), so that one
   * imported again replaces the earlier; null for events, where every record stands.
   */
  public String idField() {
    return idField;
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
