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
 * Model type {@code popularity}, the baseline: every segment is the most active users, ranked by
 * the summed weight of their events, whatever the item. Settings as {@link InteractionModel}'s.
 */
public final class PopularityModelProvider implements SegmentModelProvider {

  @Override
  public String type() {
    return "popularity";
  }

  @Override
  public SegmentModel load(ModelSpec spec) throws IOException {
    return of(InteractionModel.read(spec));
  }

  /** The model over interaction data already read (a training split's, to measure it). */
  public static SegmentModel of(InteractionData data) {
    return new PopularityModel(data);
  }

  private static final class PopularityModel extends InteractionModel {
    private final float[] activity;

    PopularityModel(InteractionData data) {
      super(data);
      InteractionMatrix.Rows byUser = data.matrix().byUser();
      activity = new float[userCount()];
      for (int user = 0; user < activity.length; user++) {
        for (int k = byUser.start()[user]; k < byUser.start()[user + 1]; k++) {
          activity[user] += byUser.weights()[k];
        }
      }
    }

    @Override
    public List<int[]> topUsers(List<ScoringQuery> queries, int numResults, int threads) {
      List<int[]> result = new ArrayList<>(queries.size());
      for (ScoringQuery query : queries) {
        TopK best = new TopK(Math.min(numResults, activity.length));
        for (int user = 0; user < activity.length; user++) {
          if (query.allows(user)) {
            best.offer(activity[user], user);
          }
        }
        result.add(best.bestFirst());
      }
      return result;
    }
  }
}
