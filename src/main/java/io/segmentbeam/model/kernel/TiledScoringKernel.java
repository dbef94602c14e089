package io.segmentbeam.model.kernel;

import java.util.BitSet;

/**
 * A portable scoring kernel: users are scanned in tiles small enough to stay in cache while every
 * query of the batch is scored against them, and each query keeps a bounded top-k heap as it goes.
 */
public final class TiledScoringKernel implements ScoringKernel {
  /** 1,024 users of 64 floats is 256 KiB: a tile stays in a core's L2 cache across the batch. */
  private static final int TILE_USERS = 1024;

  private final float[] users;
  private final int dimensions;
  private final int userCount;

  /**
   * @param users user vectors, row after row
   * @param dimensions the length of every vector
   */
  public TiledScoringKernel(float[] users, int dimensions) {
    this.users = users;
    this.dimensions = dimensions;
    this.userCount = dimensions == 0 ? 0 : users.length / dimensions;
  }

  @Override
  public int[][] topK(float[][] queries, BitSet[] allowed, int k) {
    TopK[] best = new TopK[queries.length];
    for (int q = 0; q < queries.length; q++) {
      best[q] = new TopK(Math.min(k, userCount));
    }
    for (int tileStart = 0; tileStart < userCount; tileStart += TILE_USERS) {
      int tileEnd = Math.min(userCount, tileStart + TILE_USERS);
      for (int q = 0; q < queries.length; q++) {
        scoreTile(queries[q], allowed[q], tileStart, tileEnd, best[q]);
      }
    }
    int[][] result = new int[queries.length][];
    for (int q = 0; q < queries.length; q++) {
      result[q] = best[q].bestFirst();
    }
    return result;
  }

  private void scoreTile(float[] query, BitSet allowed, int from, int to, TopK best) {
    float threshold = best.threshold();
    for (int user = from; user < to; user++) {
      float score = dot(query, user * dimensions);
      // Users arrive in index order, so an equal score never displaces a kept (lower) index.
      // The filter is asked only about users good enough to enter, so it costs little.
      if (score > threshold && (allowed == null || allowed.get(user))) {
        best.offer(score, user);
        threshold = best.threshold();
      }
    }
  }

  private float dot(float[] query, int offset) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int i = 0;
    for (; i + 3 < dimensions; i += 4) {
      s0 += query[i] * users[offset + i];
      s1 += query[i + 1] * users[offset + i + 1];
      s2 += query[i + 2] * users[offset + i + 2];
      s3 += query[i + 3] * users[offset + i + 3];
    }
    for (; i < dimensions; i++) {
      s0 += query[i] * users[offset + i];
    }
    return (s0 + s1) + (s2 + s3);
  }
}
