package io.segmentbeam.interactions;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The events of an Interactions dataset that count (weight above 0), one by one in the order they
 * were read, with their weights and timestamps: what a held-out split needs, before events are
 * summed into a matrix. Users and items are numbered in ascending id order, so that an index orders
 * like its id. Held in primitive arrays; not changed once read.
 */
public final class InteractionEvents {
  private final String[] userIds;
  private final String[] itemIds;
  /** The events' users, items and weights, as added; never built into a matrix itself. */
  private final InteractionMatrix.Builder events;
  private final long[] timestamps;

  private InteractionEvents(String[] userIds, String[] itemIds, InteractionMatrix.Builder events,
      long[] timestamps) {
    this.userIds = userIds;
    this.itemIds = itemIds;
    this.events = events;
    this.timestamps = timestamps;
  }

  /** Reads the dataset, weighting each event; events that do not count are left out. */
  public static InteractionEvents read(DatasetFiles files, EventWeighting weighting) throws IOException {
    DatasetSchema schema = DatasetSchema.read(DatasetType.INTERACTIONS, files.schemaLocation());
    int userColumn = schema.indexOf("USER_ID");
    int itemColumn = schema.indexOf("ITEM_ID");
    int typeColumn = schema.indexOf("EVENT_TYPE");
    int valueColumn = schema.indexOf("EVENT_VALUE");
    int timeColumn = schema.indexOf("TIMESTAMP");
    Map<String, Integer> users = new HashMap<>();
    Map<String, Integer> items = new HashMap<>();
    InteractionMatrix.Builder events = new InteractionMatrix.Builder();
    long[][] timestamps = {new long[1 << 16]}; // a holder the row handler can grow
    DatasetReader.read(files.dataLocation(), schema, row -> {
      String type = typeColumn < 0 ? null : row.text(typeColumn);
      Double value = valueColumn < 0 || row.isNull(valueColumn) ? null : row.doubleValue(valueColumn);
      float weight = weighting.weight(type, value);
      if (weight > 0) {
        int event = events.events();
        if (event == timestamps[0].length) {
          timestamps[0] = Arrays.copyOf(timestamps[0], event + (event >> 1));
        }
        timestamps[0][event] = timeColumn < 0 ? 0 : row.longValue(timeColumn);
        events.add(users.computeIfAbsent(row.text(userColumn), id -> users.size()),
            items.computeIfAbsent(row.text(itemColumn), id -> items.size()), weight);
      }
    });
    String[] userIds = sortedIds(users);
    String[] itemIds = sortedIds(items);
    events.renumber(order(users, userIds), order(items, itemIds));
    return new InteractionEvents(userIds, itemIds, events, timestamps[0]);
  }

  /** User ids by index, ascending. */
  public String[] userIds() {
    return userIds;
  }

  /** Item ids by index, ascending. */
  public String[] itemIds() {
    return itemIds;
  }

  public int size() {
    return events.events();
  }

  public int user(int event) {
    return events.user(event);
  }

  public int item(int event) {
    return events.item(event);
  }

  /** The event's timestamp in epoch seconds (0 when the schema has no TIMESTAMP). */
  public long timestamp(int event) {
    return timestamps[event];
  }

  /** All events, summed by user and item into the data a model trains on. */
  public InteractionData toData() {
    return toData(event -> true);
  }

  /** The events {@code keep} accepts, over all users and items (some of which may then have none). */
  public InteractionData toData(IntPredicate keep) {
    InteractionMatrix.Builder kept = new InteractionMatrix.Builder();
    for (int e = 0; e < size(); e++) {
      if (keep.test(e)) {
        kept.add(events.user(e), events.item(e), events.weight(e));
      }
    }
    int count = kept.events();
    return new InteractionData(userIds, itemIds, kept.build(userIds.length, itemIds.length), count);
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
