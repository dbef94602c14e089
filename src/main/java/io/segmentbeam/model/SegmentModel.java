package io.segmentbeam.model;

import java.util.List;

/**
 * A trained model as a batch segment job uses it: for an item, a score for every user.
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

  /** Whether the model knows the item, i.e. can answer an Item-Affinity query for it. */
  boolean hasItem(String itemId);

  /**
   * For each item, the indexes of the {@code numResults} highest-scoring users, best first, ties
   * by user id. Every item must be known to the model.
   */
  List<int[]> topUsers(List<String> itemIds, int numResults);
}
