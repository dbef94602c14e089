package io.segmentbeam.evaluation;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.interactions.EventWeighting;
import io.segmentbeam.interactions.InteractionEvents;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interactions the model did not train on (later events, or a split the user made), as what a
 * segment is measured against: a line's relevant users are those with at least one of these events
 * on one of its items. Items without such events give a line without evidence, which is counted,
 * not scored. There is no lift: the events say who acted, not how much everyone is drawn.
 */
public final class HeldOutInteractions implements SegmentTruth {
  private final Map<String, Set<String>> usersByItem;

  private HeldOutInteractions(Map<String, Set<String>> usersByItem) {
    this.usersByItem = usersByItem;
  }

  /** Reads an Interactions dataset's files; every event counts whatever its type (but not an EVENT_VALUE of 0 or less). */
  public static HeldOutInteractions read(DatasetFiles files) throws IOException {
    InteractionEvents events = InteractionEvents.read(files, EventWeighting.ALL_EQUAL);
    Map<String, Set<String>> usersByItem = new HashMap<>();
    for (int e = 0; e < events.size(); e++) {
      usersByItem.computeIfAbsent(events.itemIds()[events.item(e)], item -> new HashSet<>())
          .add(events.userIds()[events.user(e)]);
    }
    return new HeldOutInteractions(usersByItem);
  }

  @Override
  public Line forItems(List<String> itemIds) {
    Set<String> relevant = new HashSet<>();
    itemIds.forEach(item -> relevant.addAll(usersByItem.getOrDefault(item, Set.of())));
    return new Line() {
      @Override
      public int relevantCount() {
        return relevant.size();
      }

      @Override
      public boolean isRelevant(String userId) {
        return relevant.contains(userId);
      }

      @Override
      public double lift(List<String> segment) {
        return Double.NaN;
      }
    };
  }
}
