package io.segmentbeam.evaluation;

import io.segmentbeam.model.factors.FactorFiles;
import io.segmentbeam.model.factors.FactorTable;
import java.io.IOException;
import java.util.List;

/**
 * Each user's true affinity to each item, as the sample-data generator wrote it: the dot product
 * of {@code user-affinities.jsonl} (a user's liking of each genre) and {@code item-genres.jsonl}
 * (an item's share of each genre), both factor files in one folder.
 */
public final class GroundTruth {
  private final FactorTable users;
  private final FactorTable items;

  private GroundTruth(FactorTable users, FactorTable items) {
    this.users = users;
    this.items = items;
  }

  /** Reads the two files from {@code folder} (a path or URI ending in {@code /}). */
  public static GroundTruth read(String folder) throws IOException {
    String base = folder.endsWith("/") ? folder : folder + "/";
    FactorTable users = FactorFiles.read(base + "user-affinities.jsonl");
    FactorTable items = FactorFiles.read(base + "item-genres.jsonl");
    if (users.dimensions() != items.dimensions()) {
      throw new IOException(base + ": user affinities have " + users.dimensions()
          + " values each, item genres " + items.dimensions());
    }
    return new GroundTruth(users, items);
  }

  public int userCount() {
    return users.size();
  }

  /** The index of a user in {@link #affinities}, or -1 for a user the ground truth does not know. */
  public int userIndex(String userId) {
    return users.indexOf(userId);
  }

  /** Whether the ground truth knows the item. */
  public boolean hasItem(String itemId) {
    return items.contains(itemId);
  }

  /** Every user's mean true affinity to the items, by user index. Every item must be known. */
  public double[] affinities(List<String> itemIds) {
    double[] mean = new double[items.dimensions()];
    for (String itemId : itemIds) {
      int item = items.indexOf(itemId);
      for (int f = 0; f < mean.length; f++) {
        mean[f] += items.value(item, f) / itemIds.size();
      }
    }
    double[] affinity = new double[users.size()];
    for (int user = 0; user < affinity.length; user++) {
      double sum = 0;
      for (int f = 0; f < mean.length; f++) {
        sum += users.value(user, f) * mean[f];
      }
      affinity[user] = sum;
    }
    return affinity;
  }
}
