package io.segmentbeam.model.kernel;

/** Scores a batch of query vectors against every user vector and keeps each query's top users. */
public interface ScoringKernel {

  /**
   * For each query vector, the indexes of the {@code k} users with the highest dot product, best
   * first, ties by lower index.
   */
  int[][] topK(float[][] queries, int k);
}
