package io.segmentbeam.model;

import io.segmentbeam.model.kernel.Ranked;
import io.segmentbeam.model.kernel.ScoringKernel;
import java.util.List;

/**
 * A trained model as a batch segment job uses it: for a set of items, a score for every user.
 * An Item-Affinity query is a set of one item; an Item-Attribute-Affinity query is the set of
 * items that match its attributes. A user's score for a set is their mean affinity to its items.
 * Implementations are immutable once loaded and shared by all threads of a worker.
 */
public interface SegmentModel {

  /** How many users the model scores. */
  int userCount();

  /**
   * The id of the user at {@code index}. Indexes follow user ids in ascending string order, so
   * that ranking ties broken by index are broken by user id.
   */
  String userId(int index);

  /** The index of a user, or -1 if the model does not know them. */
  default int userIndex(String userId) {
    // Indexes follow ids in ascending order, so a binary search finds them.
    int low = 0;
    int high = userCount() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = userId(middle).compareTo(userId);
      if (order == 0) {
        return middle;
      }
      if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return -1;
  }

  /** Whether the model knows the item, i.e. can score users for it. */
  boolean hasItem(String itemId);

  /**
   * For each query, the indexes of the {@code numResults} allowed users with the highest mean
   * affinity to the query's items, best first, ties by user id. The filter applies before the top
   * is chosen, so a segment is short only when fewer users are allowed. Up to {@code threads}
   * threads ({@link ScoringKernel#EVERY_CORE} for one per core) score the batch, where the model can
   * share the work.
   */
  List<int[]> topUsers(List<ScoringQuery> queries, int numResults, int threads);

  /** Whether {@link #rankUsers} gives scores; models that only order users do not. */
  default boolean givesScores() {
    return false;
  }

  /**
   * {@link #topUsers} with each user's score, so that the tops of models holding disjoint shares
   * of the users can be merged. Models whose users can be split into shards implement it.
   */
  default List<Ranked> rankUsers(List<ScoringQuery> queries, int numResults, int threads) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be split into user shards");
  }
}
