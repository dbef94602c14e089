package io.segmentbeam.query;

import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.FieldType;
import io.segmentbeam.dataset.ItemCatalog;
import io.segmentbeam.dataset.SchemaField;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Finds the items an Item-Attribute-Affinity query stands for: those whose fields hold every
 * condition's value. Field names match the Items schema in any letter case; categorical fields
 * match one of their values exactly; numeric fields match by value. Text and boolean fields,
 * unknown fields, and values of the wrong kind are errors that say what to write instead.
 */
public final class ItemAttributeResolver {
  private final ItemCatalog catalog;

  public ItemAttributeResolver(ItemCatalog catalog) {
    this.catalog = catalog;
  }

  /** Parses and resolves a query's text; the ids of the matching items, in dataset order. */
  public List<String> items(String itemAttributes) throws InvalidQueryException {
    ItemAttributesExpression expression = ItemAttributesExpression.parse(itemAttributes);
    BitSet matching = null;
    for (AttributeCondition condition : expression.conditions()) {
      BitSet items = catalog.itemsWith(field(condition), condition.value());
      if (matching == null) {
        matching = items;
      } else {
        matching.and(items);
      }
    }
    if (matching == null || matching.isEmpty()) {
      throw new InvalidQueryException("No item in the Items dataset matches " + expression);
    }
    List<String> ids = new ArrayList<>(matching.cardinality());
    matching.stream().forEach(item -> ids.add(catalog.itemId(item)));
    return ids;
  }

  private SchemaField field(AttributeCondition condition) throws InvalidQueryException {
    DatasetSchema schema = catalog.schema();
    Optional<SchemaField> found = schema.find(condition.field());
    String where = "ITEMS." + condition.field() + " (character " + condition.position() + ")";
    if (found.isEmpty()) {
      throw new InvalidQueryException(where + " is not a field of the Items dataset; fields queries can use: "
          + usable(schema));
    }
    SchemaField field = found.get();
    if (!ItemCatalog.isQueryable(field)) {
      throw new InvalidQueryException(where + " is a " + (field.textual() ? "textual" : "boolean")
          + " field, which queries cannot use; fields queries can use: " + usable(schema));
    }
    if (field.type().isNumeric() && !condition.numeric()) {
      throw new InvalidQueryException(where + " is numeric: write its value without quotes, e.g. ITEMS."
          + field.name() + " = 10");
    }
    if (field.type() == FieldType.STRING && condition.numeric()) {
      throw new InvalidQueryException(where + " holds text: quote its value, e.g. ITEMS." + field.name() + " = \""
          + condition.value() + "\"");
    }
    return field;
  }

  private static String usable(DatasetSchema schema) {
    return String.join(", ", schema.fields().stream().filter(ItemCatalog::isQueryable)
        .filter(f -> !f.name().equals("ITEM_ID")).map(SchemaField::name).toList());
  }
}
