package io.segmentbeam.model.kernel;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The kernel, in each of its arithmetics and thread counts, against the naive reference. */
class TopKTest {
  private static final List<PanelMath> ARITHMETICS = List.of(new ScalarPanelMath(), PanelMath.best());

  /**
   * Few distinct values, so that many users tie; odd sizes, so that the last panel and the last
   * query block are partial; every other query filtered to a random 70% of users. The whole
   * batch splits its queries across threads; its first five queries, too few to go round, split
   * the users. Too few users for the kernel to sample floors.
   */
  @Test
  void kernelEqualsTheNaiveReferenceUserForUser() {
    Random random = new Random(7);
    Scenario scenario = Scenario.random(random, 5003, 10, 23);
    for (PanelMath math : ARITHMETICS) {
      for (int threads : new int[] {1, 2, 3}) {
        PanelScoringKernel kernel = scenario.kernel(math);
        for (int k : new int[] {1, 7, 100, 3500, 5003, 6000}) {
          scenario.assertEqualsNaive(kernel, threads, scenario.queries.length, k);
          scenario.assertEqualsNaive(kernel, threads, 5, k);
        }
      }
    }
  }

  /** Enough users for the kernel to sample each query's floor first, in both ways of splitting. */
  @Test
  void kernelEqualsTheNaiveReferenceWhenItSamplesFloors() {
    Random random = new Random(11);
    Scenario scenario = Scenario.random(random, 60_001, 6, 11);
    for (PanelMath math : ARITHMETICS) {
      for (int threads : new int[] {1, 2}) {
        PanelScoringKernel kernel = scenario.kernel(math);
        for (int k : new int[] {1, 10, 1000}) {
          scenario.assertEqualsNaive(kernel, threads, scenario.queries.length, k);
          scenario.assertEqualsNaive(kernel, threads, 3, k);
        }
      }
    }
  }

  /**
   * The sampled panels hold every high scorer's kind, so the floor sits among the high scores,
   * and fewer users than k beat it: the kernel must notice and score the query again.
   */
  @Test
  void aFloorSetTooHighIsNoticedAndTheQueryScoredAgain() {
    int users = 65_536;
    float[] vectors = new float[users * 2];
    for (int u = 0; u < users; u++) {
      // Users 0-15 of every 512 (2,048 in all) score about 1; the sample takes every 32nd panel,
      // panels being 16 or 32 users wide, so it holds half of them or all of them.
      vectors[2 * u] = u % 512 < 16 ? 1 : 0;
      vectors[2 * u + 1] = (u * 7919 % 1000) / 1000f;
    }
    Scenario scenario = new Scenario(vectors, 2, new float[][] {{1, 0.01f}}, new BitSet[1]);
    for (PanelMath math : ARITHMETICS) {
      for (int threads : new int[] {1, 2}) {
        scenario.assertEqualsNaive(scenario.kernel(math), threads, 1, 2500);
      }
    }
  }

  /**
   * A worker slot's batch (one thread) is scored in the slot's own thread; a batch given more
   * threads than the JVM has cores is scored on at most that many. Seen from the threads that
   * consult the filter.
   */
  @Test
  void aBatchUsesTheThreadsItIsGivenAndNeverMoreThanTheCores() {
    Scenario scenario = Scenario.random(new Random(3), 20_000, 6, 3);
    Set<Thread> consulting = ConcurrentHashMap.newKeySet();
    BitSet everyone = new BitSet() {
      @Override
      public boolean get(int user) {
        consulting.add(Thread.currentThread());
        return true;
      }
    };
    BitSet[] allowed = {everyone, everyone, everyone};
    PanelScoringKernel kernel = scenario.kernel(PanelMath.best());
    kernel.rank(scenario.queries, allowed, 100, 1);
    assertThat(consulting, equalTo(Set.of(Thread.currentThread())));
    consulting.clear();
    kernel.rank(scenario.queries, allowed, 100, PanelScoringKernel.cores() + 8);
    assertThat(consulting.size(), lessThanOrEqualTo(PanelScoringKernel.cores()));
    assertThat(consulting, not(hasItem(Thread.currentThread())));
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

  /** Users, queries and filters, with the naive reference's answers kept once computed. */
  private record Scenario(float[] vectors, int dimensions, float[][] queries, BitSet[] allowed,
      Map<String, int[]> naive) {

    Scenario(float[] vectors, int dimensions, float[][] queries, BitSet[] allowed) {
      this(vectors, dimensions, queries, allowed, new HashMap<>());
    }

    /** Values from {-1, 0, 1}, a quarter of them plus 0.1; every other query filtered to about 70% of users. */
    static Scenario random(Random random, int users, int dimensions, int queryCount) {
      float[] vectors = new float[users * dimensions];
      for (int i = 0; i < vectors.length; i++) {
        vectors[i] = random.nextInt(3) - 1 + (random.nextInt(4) == 0 ? 0.1f : 0f);
      }
      float[][] queries = new float[queryCount][dimensions];
      for (float[] query : queries) {
        for (int i = 0; i < dimensions; i++) {
          query[i] = random.nextInt(3) - 1;
        }
      }
      BitSet[] allowed = new BitSet[queryCount];
      for (int q = 1; q < queryCount; q += 2) {
        allowed[q] = new BitSet(users);
        for (int u = 0; u < users; u++) {
          if (random.nextInt(10) < 7) {
            allowed[q].set(u);
          }
        }
      }
      return new Scenario(vectors, dimensions, queries, allowed);
    }

    PanelScoringKernel kernel(PanelMath math) {
      return new PanelScoringKernel(vectors, dimensions, math);
    }

    /** The kernel's answer for the first {@code count} queries, query by query. */
    void assertEqualsNaive(PanelScoringKernel kernel, int threads, int count, int k) {
      int[][] result = kernel.topK(Arrays.copyOf(queries, count), Arrays.copyOf(allowed, count), k, threads);
      for (int q = 0; q < count; q++) {
        int query = q;
        int[] expected = naive.computeIfAbsent(q + "/" + k,
            key -> PanelScoringKernel.naiveTopK(vectors, dimensions, queries[query], allowed[query], k));
        assertThat(kernel.describe() + " x " + threads + " threads k=" + k + " query " + q + " of " + count, result[q], equalTo(expected));
      }
    }
  }
}
