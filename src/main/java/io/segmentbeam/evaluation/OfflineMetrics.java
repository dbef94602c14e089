package io.segmentbeam.evaluation;

import io.segmentbeam.interactions.InteractionData;
import io.segmentbeam.interactions.InteractionMatrix;
import io.segmentbeam.model.ScoringQuery;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.kernel.ScoringKernel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a model trained on a {@link HeldOutSplit}'s training events finds, for an item, the
 * users who interacted with it in the held-out events: each test item is one Item-Affinity query,
 * answered with the model's top users as a batch segment job would (no filter).
 *
 * <p>A test item has at least one held-out user and at least one training event (a model cannot
 * score an item it never saw). Its relevant users are its held-out users. At a cutoff K:
 * <ul>
 *   <li>{@code precision_at_K}: the mean over test items of the share of the top K users that are
 *       relevant (of min(K, users) when there are fewer users than K);
 *   <li>{@code recall_at_K}: the mean over test items of the share of relevant users in the top K;
 *   <li>{@code coverage_at_K}: the share of all users that are in the top K of at least one test
 *       item (low coverage means the same users are in every segment).
 * </ul>
 * Above {@link #MAX_TEST_ITEMS} test items, that many are taken evenly spaced in item id order.
 */
public final class OfflineMetrics {
  public static final int[] CUTOFFS = {25, 100};
  public static final int MAX_TEST_ITEMS = 1_000;
  /** Queries scored together, as a job batches its lines. */
  private static final int BATCH = 64;

  private OfflineMetrics() {}

  /**
   * What was measured.
   *
   * @param figures named as in the class comment, each name prefixed as asked
   * @param testItems how many items were measured
   */
  public record Measured(Map<String, Double> figures, int testItems) {}

  /** The figures at {@link #CUTOFFS}, each name prefixed with {@code prefix}. */
  public static Measured measure(SegmentModel model, HeldOutSplit split, InteractionData training,
      String prefix) {
    return measure(model, split, training, prefix, CUTOFFS);
  }

  /** The figures at the given cutoffs (ascending), each name prefixed with {@code prefix}. */
  public static Measured measure(SegmentModel model, HeldOutSplit split, InteractionData training,
      String prefix, int... cutoffs) {
    String[] userIds = split.events().userIds();
    String[] itemIds = split.events().itemIds();
    int[][] relevant = split.heldOutUsersByItem();
    List<Integer> testItems = testItems(relevant, training.matrix().byItem(), model, itemIds);
    int depth = cutoffs[cutoffs.length - 1];
    double[] precision = new double[cutoffs.length];
    double[] recall = new double[cutoffs.length];
    BitSet[] covered = new BitSet[cutoffs.length];
    Arrays.setAll(covered, c -> new BitSet(userIds.length));
    for (int from = 0; from < testItems.size(); from += BATCH) {
      List<Integer> batch = testItems.subList(from, Math.min(testItems.size(), from + BATCH));
      List<ScoringQuery> queries = batch.stream()
          .map(item -> new ScoringQuery(List.of(itemIds[item]), null)).toList();
      List<int[]> tops = model.topUsers(queries, depth, ScoringKernel.EVERY_CORE);
      for (int q = 0; q < batch.size(); q++) {
        int[] itemRelevant = relevant[batch.get(q)];
        int[] top = tops.get(q);
        int hits = 0;
        int cutoff = 0;
        for (int rank = 0; rank < top.length && cutoff < cutoffs.length; rank++) {
          int user = Arrays.binarySearch(userIds, model.userId(top[rank]));
          hits += user >= 0 && Arrays.binarySearch(itemRelevant, user) >= 0 ? 1 : 0;
          for (int c = cutoff; c < cutoffs.length && user >= 0; c++) {
            covered[c].set(user);
          }
          while (cutoff < cutoffs.length && (rank + 1 == cutoffs[cutoff] || rank + 1 == top.length)) {
            precision[cutoff] += (double) hits / Math.min(cutoffs[cutoff], userIds.length);
            recall[cutoff] += (double) hits / itemRelevant.length;
            cutoff++;
          }
        }
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int c = 0; c < cutoffs.length; c++) {
      double items = Math.max(1, testItems.size());
      metrics.put(prefix + "precision_at_" + cutoffs[c], precision[c] / items);
      metrics.put(prefix + "recall_at_" + cutoffs[c], recall[c] / items);
      metrics.put(prefix + "coverage_at_" + cutoffs[c], (double) covered[c].cardinality() / userIds.length);
    }
    return new Measured(metrics, testItems.size());
  }

  /** The items measured: see the class comment. */
  private static List<Integer> testItems(int[][] relevant, InteractionMatrix.Rows trainingByItem, SegmentModel model,
      String[] itemIds) {
    List<Integer> candidates = new ArrayList<>();
    for (int item = 0; item < relevant.length; item++) {
      boolean trained = trainingByItem.start()[item + 1] > trainingByItem.start()[item];
      if (relevant[item].length > 0 && trained && model.hasItem(itemIds[item])) {
        candidates.add(item);
      }
    }
    if (candidates.size() <= MAX_TEST_ITEMS) {
      return candidates;
    }
    List<Integer> spaced = new ArrayList<>(MAX_TEST_ITEMS);
    for (int k = 0; k < MAX_TEST_ITEMS; k++) {
      spaced.add(candidates.get((int) ((long) k * candidates.size() / MAX_TEST_ITEMS)));
    }
    return spaced;
  }
}
