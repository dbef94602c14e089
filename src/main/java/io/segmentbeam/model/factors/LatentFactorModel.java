package io.segmentbeam.model.factors;

import io.segmentbeam.model.ScoringQuery;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.kernel.ScoringKernel;
import io.segmentbeam.model.kernel.PanelScoringKernel;
import io.segmentbeam.model.kernel.Ranked;
import java.util.BitSet;
import java.util.List;

/** A matrix-factorization model: a user's score for an item is the dot product of their vectors. */
final class LatentFactorModel implements SegmentModel {
  private final FactorTable users;
  private final FactorTable items;
  private final ScoringKernel kernel;

  LatentFactorModel(FactorTable users, FactorTable items) {
    this.kernel = new PanelScoringKernel(users.rows(), users.dimensions());
    this.users = users.idsOnly();
    this.items = items;
  }

  @Override
  public int userCount() {
    return users.size();
  }

  @Override
  public String userId(int index) {
    return users.id(index);
  }

  @Override
  public int userIndex(String userId) {
    return users.indexOf(userId);
  }

  @Override
  public boolean hasItem(String itemId) {
    return items.contains(itemId);
  }

  @Override
  public List<int[]> topUsers(List<ScoringQuery> queries, int numResults, int threads) {
    return rankUsers(queries, numResults, threads).stream().map(Ranked::users).toList();
  }

  @Override
  public boolean givesScores() {
    return true;
  }

  @Override
  public List<Ranked> rankUsers(List<ScoringQuery> queries, int numResults, int threads) {
    float[][] vectors = queries.stream().map(query -> centroid(query.items())).toArray(float[][]::new);
    BitSet[] allowed = queries.stream().map(ScoringQuery::allowedUsers).toArray(BitSet[]::new);
    return List.of(kernel.rank(vectors, allowed, numResults, threads));
  }

  /** Dot products are linear, so scoring the mean vector gives each user's mean score over the items. */
  private float[] centroid(List<String> itemIds) {
    float[] sum = new float[items.dimensions()];
    for (String itemId : itemIds) {
      items.addVector(itemId, sum);
    }
    for (int f = 0; f < sum.length; f++) {
      sum[f] /= itemIds.size();
    }
    return sum;
  }
}
