package io.segmentbeam.model.interactions;

import io.segmentbeam.interactions.InteractionData;
import io.segmentbeam.interactions.InteractionMatrix;
import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.ScoringQuery;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.SegmentModelProvider;
import io.segmentbeam.model.kernel.TopK;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Model type {@code item-cooccurrence}: a user's score for an item is their affinity to it through
 * the items in their history. Two items are as similar as the cosine of their user sets (how many
 * users interacted with both, over the geometric mean of each one's user count). A user's score is
 * the summed similarity of their history to the query's items (averaged over the query's items),
 * each history item weighted by the user's events with it. The sum is not divided by the user's
 * activity: users who do more are more likely to act on any item, and on held-out events a mean
 * instead of a sum fell far below the popularity baseline (see README, Training). An item is fully
 * similar to itself, so users who already chose it rank high. Settings as {@link InteractionModel}'s.
 *
 * <p>No similarity matrix is stored: a query costs the events of the query items' users (to find
 * similar items) plus one pass over all events (to score users).
 */
public final class ItemCooccurrenceModelProvider implements SegmentModelProvider {

  @Override
  public String type() {
    return "item-cooccurrence";
  }

  @Override
  public SegmentModel load(ModelSpec spec) throws IOException {
    return of(InteractionModel.read(spec));
  }

  /** The model over interaction data already read (a training split's, to measure it). */
  public static SegmentModel of(InteractionData data) {
    return new ItemCooccurrenceModel(data);
  }

  private static final class ItemCooccurrenceModel extends InteractionModel {
    private final InteractionMatrix.Rows byUser;
    private final InteractionMatrix.Rows byItem;

    ItemCooccurrenceModel(InteractionData data) {
      super(data);
      byUser = data.matrix().byUser();
      byItem = data.matrix().byItem();
    }

    @Override
    public List<int[]> topUsers(List<ScoringQuery> queries, int numResults, int threads) {
      List<int[]> result = new ArrayList<>(queries.size());
      for (ScoringQuery query : queries) {
        result.add(topUsers(similarities(query.items()), query, numResults));
      }
      return result;
    }

    /** Each item's mean cosine similarity to the query's items. */
    private float[] similarities(List<String> query) {
      float[] similarity = new float[byItem.count()];
      for (String itemId : query) {
        int item = itemIndex(itemId);
        float share = (float) (1 / (Math.sqrt(users(item)) * query.size()));
        for (int k = byItem.start()[item]; k < byItem.start()[item + 1]; k++) {
          int user = byItem.columns()[k];
          for (int e = byUser.start()[user]; e < byUser.start()[user + 1]; e++) {
            similarity[byUser.columns()[e]] += share;
          }
        }
      }
      for (int item = 0; item < similarity.length; item++) {
        if (similarity[item] != 0) {
          similarity[item] /= (float) Math.sqrt(users(item));
        }
      }
      return similarity;
    }

    private int[] topUsers(float[] similarity, ScoringQuery query, int numResults) {
      TopK best = new TopK(Math.min(numResults, userCount()));
      for (int user = 0; user < userCount(); user++) {
        if (!query.allows(user)) {
          continue;
        }
        float score = 0;
        for (int e = byUser.start()[user]; e < byUser.start()[user + 1]; e++) {
          score += byUser.weights()[e] * similarity[byUser.columns()[e]];
        }
        best.offer(score, user);
      }
      return best.bestFirst();
    }

    private int users(int item) {
      return byItem.start()[item + 1] - byItem.start()[item];
    }
  }
}
