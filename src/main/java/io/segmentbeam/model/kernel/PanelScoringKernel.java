package io.segmentbeam.model.kernel;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The scoring kernel. User vectors are packed in panels of a few users, dimension by dimension
 * ({@code panel[f][lane]}), so that scoring a query against a panel is a run of element-wise
 * fused multiply-adds over contiguous floats: SIMD through the JDK Vector API where its module is
 * enabled ({@link PanelMath#best}). Queries are scored {@link #QUERY_BLOCK} at a time against each
 * panel, so that every user value loaded feeds several FMAs, and a run of panels small enough to
 * stay in cache is scored against the whole batch before moving on. The user range is split
 * across threads, each keeping its own top-k per query (filtered users skipped), merged at the end.
 *
 * <p>Each score is the sequential chain {@code fma(q[f], u[f], s)} over f = 0..d-1, the same
 * arithmetic in every lane, thread and implementation, so results are identical, user for user,
 * to {@link #naiveTopK}.
 */
public final class PanelScoringKernel implements ScoringKernel {
  /** Queries scored together against a panel. */
  static final int QUERY_BLOCK = 4;
  /** Panels scored as one cache-resident run: 64 panels x 16 users x 64 floats is 256 KiB. */
  private static final int RUN_BYTES = 256 * 1024;

  private static final ExecutorService THREADS = Executors.newFixedThreadPool(
      Runtime.getRuntime().availableProcessors(), runnable -> {
        Thread thread = new Thread(runnable, "segmentbeam-scoring");
        thread.setDaemon(true);
        return thread;
      });

  private final PanelMath math;
  private final int width;
  private final float[] panels;
  private final int dimensions;
  private final int userCount;
  private final int panelCount;
  private final int threads;

  /**
   * @param users user vectors, row after row
   * @param dimensions the length of every vector
   * @param threads how many threads score one batch
   */
  PanelScoringKernel(float[] users, int dimensions, int threads, PanelMath math) {
    this.math = math;
    this.width = math.panelWidth();
    this.dimensions = dimensions;
    this.userCount = dimensions == 0 ? 0 : users.length / dimensions;
    this.panelCount = (userCount + width - 1) / width;
    this.threads = Math.max(1, threads);
    this.panels = pack(users);
  }

  /** The kernel with the best arithmetic available, on every core. */
  public PanelScoringKernel(float[] users, int dimensions) {
    this(users, dimensions, Runtime.getRuntime().availableProcessors(), PanelMath.best());
  }

  /** How the kernel computes, for reports: "vector-512 x 2 threads". */
  public String describe() {
    return math.describe() + " x " + threads + " threads";
  }

  private float[] pack(float[] users) {
    float[] packed = new float[panelCount * width * dimensions];
    for (int user = 0; user < userCount; user++) {
      int base = user / width * width * dimensions + user % width;
      for (int f = 0; f < dimensions; f++) {
        packed[base + f * width] = users[user * dimensions + f];
      }
    }
    return packed;
  }

  @Override
  public Ranked[] rank(float[][] queries, BitSet[] allowed, int k) {
    int keep = Math.min(k, userCount);
    int parts = Math.min(threads, Math.max(1, panelCount));
    List<Future<TopK[]>> futures = new ArrayList<>();
    for (int part = 0; part < parts; part++) {
      int from = (int) ((long) panelCount * part / parts);
      int to = (int) ((long) panelCount * (part + 1) / parts);
      futures.add(THREADS.submit(() -> scorePanels(queries, allowed, keep, from, to)));
    }
    TopK[] best = null;
    try {
      for (Future<TopK[]> future : futures) {
        TopK[] partial = future.get();
        if (best == null) {
          best = partial;
        } else {
          for (int q = 0; q < queries.length; q++) {
            best[q].offerAll(partial[q]);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scoring was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scoring failed: " + e.getCause(), e.getCause());
    }
    Ranked[] result = new Ranked[queries.length];
    for (int q = 0; q < queries.length; q++) {
      result[q] = best[q].ranked();
    }
    return result;
  }

  /** Scores panels {@code [from, to)} against every query, keeping each query's top k. */
  private TopK[] scorePanels(float[][] queries, BitSet[] allowed, int keep, int from, int to) {
    TopK[] best = new TopK[queries.length];
    for (int q = 0; q < queries.length; q++) {
      best[q] = new TopK(keep);
    }
    int run = Math.max(1, RUN_BYTES / (width * Math.max(1, dimensions) * Float.BYTES));
    float[] scores = new float[QUERY_BLOCK * width];
    float[] thresholds = new float[QUERY_BLOCK];
    long[] hits = new long[QUERY_BLOCK];
    for (int runStart = from; runStart < to; runStart += run) {
      int runEnd = Math.min(to, runStart + run);
      for (int q0 = 0; q0 < queries.length; q0 += QUERY_BLOCK) {
        int block = Math.min(QUERY_BLOCK, queries.length - q0);
        for (int b = 0; b < block; b++) {
          thresholds[b] = best[q0 + b].threshold();
        }
        for (int panel = runStart; panel < runEnd; panel++) {
          math.score(panels, panel * width * dimensions, dimensions, queries, q0, block, thresholds, scores, hits);
          for (int b = 0; b < block; b++) {
            if (hits[b] != 0) {
              thresholds[b] = offer(scores, b * width, hits[b], panel * width, best[q0 + b], allowed[q0 + b]);
            }
          }
        }
      }
    }
    return best;
  }

  /**
   * Offers the users of a panel whose scores beat the threshold the panel was scored against;
   * returns the new threshold. Users arrive in index order, so an equal score never displaces a
   * kept (lower) index; the filter is asked only about users good enough to enter.
   */
  private float offer(float[] scores, int at, long lanes, int firstUser, TopK best, BitSet allowed) {
    float threshold = best.threshold();
    for (long rest = lanes; rest != 0; rest &= rest - 1) {
      int lane = Long.numberOfTrailingZeros(rest);
      int user = firstUser + lane;
      float score = scores[at + lane];
      if (user < userCount && score > threshold && (allowed == null || allowed.get(user))) {
        best.offer(score, user);
        threshold = best.threshold();
      }
    }
    return threshold;
  }

  /**
   * The reference the kernel must equal: one query at a time, every user's score as a plain
   * sequential chain of fused multiply-adds, every allowed user sorted by score, ties by index.
   */
  public static int[] naiveTopK(float[] users, int dimensions, float[] query, BitSet allowed, int k) {
    int count = dimensions == 0 ? 0 : users.length / dimensions;
    float[] scores = new float[count];
    List<Integer> candidates = new ArrayList<>();
    for (int user = 0; user < count; user++) {
      float score = 0;
      for (int f = 0; f < dimensions; f++) {
        score = Math.fma(query[f], users[user * dimensions + f], score);
      }
      scores[user] = score;
      if (allowed == null || allowed.get(user)) {
        candidates.add(user);
      }
    }
    candidates.sort((x, y) -> scores[x] > scores[y] ? -1 : scores[x] < scores[y] ? 1 : Integer.compare(x, y));
    return candidates.stream().limit(k).mapToInt(Integer::intValue).toArray();
  }
}
