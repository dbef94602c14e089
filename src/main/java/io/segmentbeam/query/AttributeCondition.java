package io.segmentbeam.query;

/**
 * One {@code ITEMS.<field> = <value>} condition of an Item-Attribute-Affinity query.
 *
 * @param field the field name as written
 * @param value the value, unescaped if it was quoted, as written if it was a number
 * @param numeric whether the value was an unquoted number
 * @param position the 1-based character where the condition starts
 */
public record AttributeCondition(String field, String value, boolean numeric, int position) {

  @Override
  public String toString() {
    return "ITEMS." + field + " = " + (numeric ? value : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
  }
}
