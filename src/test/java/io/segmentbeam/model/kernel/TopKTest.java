package io.segmentbeam.model.kernel;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.BitSet;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tiled kernel against a plain score-everything-and-sort reference, ties included. */
class TopKTest {

  private static int[] reference(float[] users, int dimensions, float[] query, BitSet allowed, int k) {
    int count = users.length / dimensions;
    float[] scores = new float[count];
    for (int u = 0; u < count; u++) {
      float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
      int i = 0;
      for (; i + 3 < dimensions; i += 4) {
        s0 += query[i] * users[u * dimensions + i];
        s1 += query[i + 1] * users[u * dimensions + i + 1];
        s2 += query[i + 2] * users[u * dimensions + i + 2];
        s3 += query[i + 3] * users[u * dimensions + i + 3];
      }
      for (; i < dimensions; i++) {
        s0 += query[i] * users[u * dimensions + i];
      }
      scores[u] = (s0 + s1) + (s2 + s3);
    }
    return IntStream.range(0, count).filter(u -> allowed == null || allowed.get(u)).boxed()
        .sorted(Comparator.comparing((Integer u) -> -scores[u]).thenComparing(u -> u))
        .limit(k).mapToInt(Integer::intValue).toArray();
  }

  /** Every other query is filtered to a random 70% of users, so masks are checked with the same data. */
  @Test
  void kernelEqualsReferenceOnRandomDataWithTiesAndFilters() {
    Random random = new Random(7);
    int dimensions = 10;
    int users = 5000;
    float[] vectors = new float[users * dimensions];
    for (int i = 0; i < vectors.length; i++) {
      // Few distinct values, so many users tie.
      vectors[i] = random.nextInt(3) - 1;
    }
    float[][] queries = new float[20][dimensions];
    for (float[] query : queries) {
      for (int i = 0; i < dimensions; i++) {
        query[i] = random.nextInt(3) - 1;
      }
    }
    BitSet[] allowed = new BitSet[queries.length];
    for (int q = 1; q < queries.length; q += 2) {
      allowed[q] = new BitSet(users);
      for (int u = 0; u < users; u++) {
        if (random.nextInt(10) < 7) {
          allowed[q].set(u);
        }
      }
    }
    TiledScoringKernel kernel = new TiledScoringKernel(vectors, dimensions);
    for (int k : new int[] {1, 7, 100, 3500, 5000, 6000}) {
      int[][] result = kernel.topK(queries, allowed, k);
      for (int q = 0; q < queries.length; q++) {
        assertThat("k=" + k + " query " + q, result[q],
            equalTo(reference(vectors, dimensions, queries[q], allowed[q], k)));
      }
    }
  }

  @Test
  void heapKeepsBestAndBreaksTiesByLowerIndex() {
    TopK top = new TopK(3);
    top.offer(1f, 5);
    top.offer(2f, 9);
    top.offer(1f, 2);
    top.offer(1f, 7);
    top.offer(0.5f, 1);
    assertThat(top.bestFirst(), equalTo(new int[] {9, 2, 5}));
  }
}
