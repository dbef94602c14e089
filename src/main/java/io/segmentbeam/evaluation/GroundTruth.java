package io.segmentbeam.evaluation;

import io.segmentbeam.model.factors.FactorFiles;
import io.segmentbeam.model.factors.FactorTable;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * Each user's true affinity to each item, as the sample-data generator wrote it: the dot product
 * of {@code user-affinities.jsonl} (a user's liking of each genre) and {@code item-genres.jsonl}
 * (an item's share of each genre), both factor files in one folder. A line's relevant users are the
 * top {@code relevantFraction} of all users by true affinity to its items (users tied with the last
 * one count too); its lift is the segment's mean true affinity over the population's.
 */
public final class GroundTruth implements SegmentTruth {
  private final FactorTable users;
  private final FactorTable items;
  private final double relevantFraction;

  private GroundTruth(FactorTable users, FactorTable items, double relevantFraction) {
    if (!(relevantFraction > 0 && relevantFraction <= 1)) {
      throw new IllegalArgumentException("the relevant fraction must be above 0 and at most 1, got "
          + relevantFraction);
    }
    this.users = users;
    this.items = items;
    this.relevantFraction = relevantFraction;
  }

  /** Reads the two files from {@code folder} (a path or URI ending in {@code /}). */
  public static GroundTruth read(String folder, double relevantFraction) throws IOException {
    String base = folder.endsWith("/") ? folder : folder + "/";
    FactorTable users = FactorFiles.read(base + "user-affinities.jsonl");
    FactorTable items = FactorFiles.read(base + "item-genres.jsonl");
    if (users.dimensions() != items.dimensions()) {
      throw new IOException(base + ": user affinities have " + users.dimensions()
          + " values each, item genres " + items.dimensions());
    }
    return new GroundTruth(users, items, relevantFraction);
  }

  @Override
  public Line forItems(List<String> itemIds) {
    for (String item : itemIds) {
      if (!items.contains(item)) {
        throw new IllegalArgumentException("item \"" + item + "\" is not in the ground truth");
      }
    }
    double[] affinity = affinities(itemIds);
    double[] sorted = affinity.clone();
    Arrays.sort(sorted);
    double threshold = sorted[sorted.length - Math.max(1, (int) Math.ceil(relevantFraction * sorted.length))];
    int relevant = (int) Arrays.stream(affinity).filter(a -> a >= threshold).count();
    double populationMean = Arrays.stream(affinity).sum() / affinity.length;
    return new Line() {
      @Override
      public int relevantCount() {
        return relevant;
      }

      @Override
      public boolean isRelevant(String userId) {
        int index = users.indexOf(userId);
        return index >= 0 && affinity[index] >= threshold;
      }

      @Override
      public double lift(List<String> segment) {
        double total = 0;
        for (String user : segment) {
          int index = users.indexOf(user);
          total += index < 0 ? 0 : affinity[index];
        }
        return segment.isEmpty() || populationMean == 0 ? 0 : total / segment.size() / populationMean;
      }
    };
  }

  /** Every user's mean true affinity to the items, by user index. Every item must be known. */
  private double[] affinities(List<String> itemIds) {
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
