package io.segmentbeam.model.popularity;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.interactions.EventWeighting;
import io.segmentbeam.interactions.InteractionData;
import io.segmentbeam.interactions.InteractionMatrix;
import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.SegmentModelProvider;
import io.segmentbeam.model.kernel.TopK;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Model type {@code popularity}, the baseline: every segment is the most active users, ranked by
 * the summed weight of their events, whatever the item. Settings: {@code interactions} and
 * {@code interactionsSchema} (the Interactions dataset), and the event weighting
 * ({@code eventType}, {@code eventValueThreshold}, {@code eventWeights}).
 */
public final class PopularityModelProvider implements SegmentModelProvider {

  @Override
  public String type() {
    return "popularity";
  }

  @Override
  public SegmentModel load(ModelSpec spec) throws IOException {
    InteractionData data = InteractionData.read(
        new DatasetFiles(spec.location("interactions"), spec.location("interactionsSchema")),
        EventWeighting.fromSettings(spec.settings()));
    return new PopularityModel(data);
  }

  private static final class PopularityModel implements SegmentModel {
    private final String[] userIds;
    private final Set<String> items;
    private final float[] activity;

    PopularityModel(InteractionData data) {
      userIds = data.userIds();
      items = new HashSet<>(Arrays.asList(data.itemIds()));
      InteractionMatrix.Rows byUser = data.matrix().byUser();
      activity = new float[userIds.length];
      for (int user = 0; user < activity.length; user++) {
        for (int k = byUser.start()[user]; k < byUser.start()[user + 1]; k++) {
          activity[user] += byUser.weights()[k];
        }
      }
    }

    @Override
    public int userCount() {
      return userIds.length;
    }

    @Override
    public String userId(int index) {
      return userIds[index];
    }

    @Override
    public boolean hasItem(String itemId) {
      return items.contains(itemId);
    }

    @Override
    public List<int[]> topUsers(List<List<String>> queries, int numResults) {
      TopK best = new TopK(Math.min(numResults, userIds.length));
      for (int user = 0; user < activity.length; user++) {
        best.offer(activity[user], user);
      }
      int[] ranked = best.bestFirst();
      List<int[]> result = new ArrayList<>(queries.size());
      queries.forEach(query -> result.add(ranked));
      return result;
    }
  }
}
