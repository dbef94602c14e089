package io.segmentbeam.dataset;

import io.segmentbeam.sharing.JobShared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Items dataset indexed for attribute lookups: for every categorical, plain string and numeric
 * field, which items hold each value. Text and boolean fields are not indexed, since they cannot
 * be queried. Loaded once per worker and shared; read-only after loading.
 */
public final class ItemCatalog {
  private final DatasetSchema schema;
  private final List<String> itemIds;
  /** By field index: value (text, or a numeric value's canonical text) to the items holding it. */
  private final Map<Integer, Map<String, BitSet>> index;

  private ItemCatalog(DatasetSchema schema, List<String> itemIds, Map<Integer, Map<String, BitSet>> index) {
    this.schema = schema;
    this.itemIds = itemIds;
    this.index = index;
  }

  private static final JobShared<DatasetFiles, ItemCatalog> SHARED = new JobShared<>(files -> files);

  /** Keeps a dataset's catalog for a job until the hold is closed. */
  public static JobShared.Hold hold(DatasetFiles files) {
    return SHARED.hold(files);
  }

  /** The catalog of a dataset, read on first use in this JVM and shared by every thread. */
  public static ItemCatalog shared(DatasetFiles files) {
    return SHARED.get(files, f -> {
      try {
        return read(f.dataLocation(), DatasetSchema.read(DatasetType.ITEMS, f.schemaLocation()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the Items dataset: " + e.getMessage(), e);
      }
    });
  }

  /** Reads the Items dataset at {@code dataLocation} (a CSV file or a folder ending in {@code /}). */
  public static ItemCatalog read(String dataLocation, DatasetSchema schema) throws IOException {
    if (schema.type() != DatasetType.ITEMS) {
      throw new IllegalArgumentException("an item catalog needs the Items schema, not " + schema.type());
    }
    int idColumn = schema.indexOf("ITEM_ID");
    List<String> itemIds = new ArrayList<>();
    Map<Integer, Map<String, BitSet>> index = new HashMap<>();
    List<SchemaField> fields = schema.fields();
    for (int column = 0; column < fields.size(); column++) {
      if (isQueryable(fields.get(column))) {
        index.put(column, new HashMap<>());
      }
    }
    DatasetReader.read(dataLocation, schema, row -> {
      int item = itemIds.size();
      itemIds.add(row.text(idColumn));
      for (Map.Entry<Integer, Map<String, BitSet>> field : index.entrySet()) {
        int column = field.getKey();
        if (row.isNull(column)) {
          continue;
        }
        SchemaField spec = fields.get(column);
        List<String> values = spec.categorical() ? row.categories(column)
            : List.of(spec.type().isNumeric() ? canonicalNumber(row.text(column)) : row.text(column));
        for (String value : values) {
          field.getValue().computeIfAbsent(value, v -> new BitSet()).set(item);
        }
      }
    });
    return new ItemCatalog(schema, List.copyOf(itemIds), index);
  }

  /** Whether queries may name the field: categorical, plain string or numeric, not text or boolean. */
  public static boolean isQueryable(SchemaField field) {
    return !field.textual() && field.type() != FieldType.BOOLEAN;
  }

  public DatasetSchema schema() {
    return schema;
  }

  public int size() {
    return itemIds.size();
  }

  public String itemId(int item) {
    return itemIds.get(item);
  }

  /**
   * The items whose field holds {@code value}: for a categorical field, as one of its values; for
   * a numeric field, as a number equal to it (so {@code 9.9} matches {@code 9.90}). A new set the
   * caller may change.
   */
  public BitSet itemsWith(SchemaField field, String value) {
    int column = schema.indexOf(field.name());
    Map<String, BitSet> values = index.get(column);
    if (values == null) {
      throw new IllegalArgumentException(field.name() + " cannot be queried");
    }
    BitSet items = values.get(field.type().isNumeric() ? canonicalNumber(value) : value);
    return items == null ? new BitSet() : (BitSet) items.clone();
  }

  /**
   * Numbers compare by value: the same text for every way of writing one value. Digits and
   * exponent are kept apart, since the plain form of {@code 1e999999999} would fill the heap.
   */
  private static String canonicalNumber(String text) {
    try {
      BigDecimal value = new BigDecimal(text.strip());
      if (value.signum() == 0) {
        return "0";
      }
      BigDecimal stripped = value.stripTrailingZeros();
      return stripped.unscaledValue() + "E" + -(long) stripped.scale();
    } catch (NumberFormatException e) {
      return text;
    }
  }
}
