package io.segmentbeam.interactions;

import io.segmentbeam.dataset.DatasetFiles;
import java.io.IOException;

/**
 * An Interactions dataset read into a weighted matrix. Users and items are numbered in ascending
 * id order, so that an index orders like its id.
 *
 * @param userIds user ids by index, ascending
 * @param itemIds item ids by index, ascending
 * @param events events that counted (had a weight above 0)
 */
public record InteractionData(String[] userIds, String[] itemIds, InteractionMatrix matrix, long events) {

  /** Reads the dataset, weighting each event; events that do not count are left out. */
  public static InteractionData read(DatasetFiles files, EventWeighting weighting) throws IOException {
    return InteractionEvents.read(files, weighting).toData();
  }
}
