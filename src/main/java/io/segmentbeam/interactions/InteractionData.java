package io.segmentbeam.interactions;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An Interactions dataset read into a weighted matrix. Users and items are numbered in ascending
 * id order, so that an index orders like its id.
 *
 * @param userIds user ids by index, ascending
 * @param itemIds item ids by index, ascending
 * @param events events that counted (had a weight above 0)
 */
public record InteractionData(String[] userIds, String[] itemIds, InteractionMatrix matrix, long events) {

  /** Reads the dataset, weighting each event; events that do not count are left out. */
  public static InteractionData read(DatasetFiles files, EventWeighting weighting) throws IOException {
    DatasetSchema schema = DatasetSchema.read(DatasetType.INTERACTIONS, files.schemaLocation());
    int userColumn = schema.indexOf("USER_ID");
    int itemColumn = schema.indexOf("ITEM_ID");
    int typeColumn = schema.indexOf("EVENT_TYPE");
    int valueColumn = schema.indexOf("EVENT_VALUE");
    Map<String, Integer> users = new HashMap<>();
    Map<String, Integer> items = new HashMap<>();
    InteractionMatrix.Builder builder = new InteractionMatrix.Builder();
    DatasetReader.read(files.dataLocation(), schema, row -> {
      String type = typeColumn < 0 ? null : row.text(typeColumn);
      Double value = valueColumn < 0 || row.isNull(valueColumn) ? null : row.doubleValue(valueColumn);
      float weight = weighting.weight(type, value);
      if (weight > 0) {
        builder.add(users.computeIfAbsent(row.text(userColumn), id -> users.size()),
            items.computeIfAbsent(row.text(itemColumn), id -> items.size()), weight);
      }
    });
    String[] userIds = sortedIds(users);
    String[] itemIds = sortedIds(items);
    InteractionMatrix matrix = builder.build(userIds.length, itemIds.length, order(users, userIds),
        order(items, itemIds));
    return new InteractionData(userIds, itemIds, matrix, builder.events());
  }

  private static String[] sortedIds(Map<String, Integer> seen) {
    String[] ids = seen.keySet().toArray(String[]::new);
    Arrays.sort(ids);
    return ids;
  }

  /** First-seen index to sorted index. */
  private static int[] order(Map<String, Integer> seen, String[] sorted) {
    int[] order = new int[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      order[seen.get(sorted[i])] = i;
    }
    return order;
  }
}
