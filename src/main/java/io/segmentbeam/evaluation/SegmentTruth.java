package io.segmentbeam.evaluation;

import java.util.List;

/** What a segment is measured against: for a line's items, which users are relevant. */
public interface SegmentTruth {

  /** The truth for one line; throws IllegalArgumentException naming an item it cannot judge. */
  Line forItems(List<String> itemIds);

  /** One line's relevant users. */
  interface Line {
    /** How many users are relevant; 0 when there is no evidence for these items. */
    int relevantCount();

    boolean isRelevant(String userId);

    /**
     * How much more the segment is drawn to the items than the whole population, or NaN where
     * this truth has no measure of it.
     */
    double lift(List<String> segment);
  }
}
