package io.segmentbeam.model.interactions;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.interactions.EventWeighting;
import io.segmentbeam.interactions.InteractionData;
import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.SegmentModel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A model computed from the Interactions dataset when a job loads it, rather than trained ahead:
 * the users and items are the dataset's, indexed in ascending id order. Settings:
 * {@code interactions} and {@code interactionsSchema} (the dataset's files) and the event
 * weighting ({@code eventType}, {@code eventValueThreshold}, {@code eventWeights}).
 */
abstract class InteractionModel implements SegmentModel {
  protected final InteractionData data;
  private final Map<String, Integer> itemIndex;

  protected InteractionModel(InteractionData data) {
    this.data = data;
    itemIndex = new HashMap<>(data.itemIds().length * 2);
    String[] items = data.itemIds();
    for (int i = 0; i < items.length; i++) {
      itemIndex.put(items[i], i);
    }
  }

  /** Reads the Interactions dataset a model spec names, weighted as it says. */
  static InteractionData read(ModelSpec spec) throws IOException {
    return InteractionData.read(new DatasetFiles(spec.location("interactions"), spec.location("interactionsSchema")),
        EventWeighting.fromSettings(spec.settings()));
  }

  @Override
  public int userCount() {
    return data.userIds().length;
  }

  @Override
  public String userId(int index) {
    return data.userIds()[index];
  }

  @Override
  public boolean hasItem(String itemId) {
    return itemIndex.containsKey(itemId);
  }

  /** The index of an item the model knows. */
  protected int itemIndex(String itemId) {
    return itemIndex.get(itemId);
  }
}
