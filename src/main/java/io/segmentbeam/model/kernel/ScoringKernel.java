package io.segmentbeam.model.kernel;

import java.util.BitSet;

/** Scores a batch of query vectors against every user vector and keeps each query's top users. */
public interface ScoringKernel {
  /** The thread count that asks for every core of the JVM. */
  int EVERY_CORE = 0;

  /**
   * For each query vector, the {@code k} allowed users with the highest dot product and their
   * scores, best first, ties by lower index. {@code allowed[q]} is null when every user is.
   * {@code threads} score the batch (at most the cores, {@link #EVERY_CORE} for all of them; 1 scores
   * in the calling thread).
   */
  Ranked[] rank(float[][] queries, BitSet[] allowed, int k, int threads);

  /** {@link #rank}, the users only. */
  default int[][] topK(float[][] queries, BitSet[] allowed, int k, int threads) {
    Ranked[] ranked = rank(queries, allowed, k, threads);
    int[][] users = new int[ranked.length][];
    for (int q = 0; q < ranked.length; q++) {
      users[q] = ranked[q].users();
    }
    return users;
  }
}
