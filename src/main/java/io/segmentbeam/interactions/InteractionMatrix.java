package io.segmentbeam.interactions;

import java.util.Arrays;

/**
 * Users' interactions with items as a sparse matrix of summed event weights, held twice in
 * compressed-row form: by user (each user's items) and by item (each item's users), in primitive
 * arrays so that tens of millions of entries fit in a few hundred megabytes. Within a row,
 * columns are in ascending order. Immutable.
 */
public final class InteractionMatrix {
  private final int users;
  private final int items;
  private final int[] userStart;
  private final int[] userItems;
  private final float[] userWeights;
  private final int[] itemStart;
  private final int[] itemUsers;
  private final float[] itemWeights;

  private InteractionMatrix(int users, int items, int[] userStart, int[] userItems, float[] userWeights) {
    this.users = users;
    this.items = items;
    this.userStart = userStart;
    this.userItems = userItems;
    this.userWeights = userWeights;
    // The transpose by counting: users are visited in order, so each item's users come out sorted.
    itemStart = new int[items + 1];
    for (int item : userItems) {
      itemStart[item + 1]++;
    }
    for (int i = 0; i < items; i++) {
      itemStart[i + 1] += itemStart[i];
    }
    itemUsers = new int[userItems.length];
    itemWeights = new float[userItems.length];
    int[] next = Arrays.copyOf(itemStart, items);
    for (int user = 0; user < users; user++) {
      for (int k = userStart[user]; k < userStart[user + 1]; k++) {
        int slot = next[userItems[k]]++;
        itemUsers[slot] = user;
        itemWeights[slot] = userWeights[k];
      }
    }
  }

  public int users() {
    return users;
  }

  public int items() {
    return items;
  }

  /** Distinct (user, item) pairs. */
  public int nonZeros() {
    return userItems.length;
  }

  /** The rows by user: row {@code u} spans {@code rowStart[u]} to {@code rowStart[u + 1]}. */
  public Rows byUser() {
    return new Rows(userStart, userItems, userWeights);
  }

  /** The rows by item: each item's users and weights. */
  public Rows byItem() {
    return new Rows(itemStart, itemUsers, itemWeights);
  }

  /**
   * One orientation of the matrix; the arrays are shared, not copied, and must not be changed.
   *
   * @param start where each row begins in {@code columns}, plus the end as the last entry
   * @param columns the other side's indexes, ascending within a row
   * @param weights the summed weight of each entry
   */
  public record Rows(int[] start, int[] columns, float[] weights) {
    public int count() {
      return start.length - 1;
    }
  }

  /** Collects weighted events; pairs seen more than once are summed. */
  public static final class Builder {
    private int[] user = new int[1 << 16];
    private int[] item = new int[1 << 16];
    private float[] weight = new float[1 << 16];
    private int size;

    public void add(int userIndex, int itemIndex, float eventWeight) {
      if (size == user.length) {
        int grown = size + (size >> 1);
        user = Arrays.copyOf(user, grown);
        item = Arrays.copyOf(item, grown);
        weight = Arrays.copyOf(weight, grown);
      }
      user[size] = userIndex;
      item[size] = itemIndex;
      weight[size] = eventWeight;
      size++;
    }

    /** Events added so far. */
    public int events() {
      return size;
    }

    /** The user index of the {@code event}-th event added. */
    public int user(int event) {
      return user[event];
    }

    public int item(int event) {
      return item[event];
    }

    public float weight(int event) {
      return weight[event];
    }

    /** Renames every event's indexes by the two maps (old index to new). */
    void renumber(int[] userOrder, int[] itemOrder) {
      for (int e = 0; e < size; e++) {
        user[e] = userOrder[user[e]];
        item[e] = itemOrder[item[e]];
      }
    }

    /** The matrix over {@code users} x {@code items}. */
    public InteractionMatrix build(int users, int items) {
      int[] start = new int[users + 1];
      for (int e = 0; e < size; e++) {
        start[user[e] + 1]++;
      }
      for (int u = 0; u < users; u++) {
        start[u + 1] += start[u];
      }
      // Counting sort by user, keeping each event's item and weight.
      int[] next = Arrays.copyOf(start, users);
      long[] entries = new long[size];
      for (int e = 0; e < size; e++) {
        entries[next[user[e]]++] = (long) item[e] << 32 | Float.floatToRawIntBits(weight[e]) & 0xFFFFFFFFL;
      }
      user = null;
      item = null;
      weight = null;
      // Within each user: sort by item, then merge repeated items by summing their weights.
      int[] mergedStart = new int[users + 1];
      int[] columns = new int[size];
      float[] weights = new float[size];
      int out = 0;
      for (int u = 0; u < users; u++) {
        mergedStart[u] = out;
        Arrays.sort(entries, start[u], start[u + 1]);
        for (int k = start[u]; k < start[u + 1]; k++) {
          int column = (int) (entries[k] >>> 32);
          float w = Float.intBitsToFloat((int) entries[k]);
          if (out > mergedStart[u] && columns[out - 1] == column) {
            weights[out - 1] += w;
          } else {
            columns[out] = column;
            weights[out++] = w;
          }
        }
      }
      mergedStart[users] = out;
      return new InteractionMatrix(users, items, mergedStart, Arrays.copyOf(columns, out), Arrays.copyOf(weights, out));
    }
  }
}
