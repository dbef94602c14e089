package io.segmentbeam.model.kernel;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The kernel, in each of its arithmetics and thread counts, against the naive reference. */
class TopKTest {

  /**
   * Few distinct values, so that many users tie; odd sizes, so that the last panel and the last
   * query block are partial; every other query filtered to a random 70% of users.
   */
  @Test
  void kernelEqualsTheNaiveReferenceUserForUser() {
    Random random = new Random(7);
    int dimensions = 10;
    int users = 5003;
    float[] vectors = new float[users * dimensions];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = random.nextInt(3) - 1 + (random.nextInt(4) == 0 ? 0.1f : 0f);
    }
    float[][] queries = new float[23][dimensions];
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
    List<PanelMath> arithmetics = List.of(new ScalarPanelMath(), PanelMath.best());
    for (PanelMath math : arithmetics) {
      for (int threads : new int[] {1, 2, 3}) {
        PanelScoringKernel kernel = new PanelScoringKernel(vectors, dimensions, threads, math);
        for (int k : new int[] {1, 7, 100, 3500, 5003, 6000}) {
          int[][] result = kernel.topK(queries, allowed, k);
          for (int q = 0; q < queries.length; q++) {
            assertThat(kernel.describe() + " k=" + k + " query " + q, result[q],
                equalTo(PanelScoringKernel.naiveTopK(vectors, dimensions, queries[q], allowed[q], k)));
          }
        }
      }
    }
  }

  @Test
  void theTestsRunTheVectorArithmetic() {
    // Surefire enables jdk.incubator.vector, so the SIMD path is the one checked above.
    assertThat(PanelMath.best().describe(), startsWith("vector-"));
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
