package io.segmentbeam.model.kernel;

import java.util.BitSet;

/** Scores a batch of query vectors against every user vector and keeps each query's top users. */
public interface ScoringKernel {

  /**
   * For each query vector, the indexes of the {@code k} allowed users with the highest dot
   * product, best first, ties by lower index. {@code allowed[q]} is null when every user is.
   */
  int[][] topK(float[][] queries, BitSet[] allowed, int k);
}
