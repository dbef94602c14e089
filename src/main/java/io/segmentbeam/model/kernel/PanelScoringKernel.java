package io.segmentbeam.model.kernel;

import java.util.ArrayList;
import java.util.Arrays;
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
 * stay in cache is scored against the whole batch before moving on. Threads share the work by
 * query blocks when there are enough to go round, else by ranges of users, each then keeping its
 * own top-k per query, merged at the end. A query's top-k is kept while scoring: a user is looked
 * at only when its score beats both the k-th best so far and a floor sampled beforehand (see
 * {@link #scorePanels}), and the filter is asked only about those users.
 *
 * <p>Each score is the sequential chain {@code fma(q[f], u[f], s)} over f = 0..d-1, the same
 * arithmetic in every lane, thread and implementation, so results are identical, user for user,
 * to {@link #naiveTopK}.
 */
public final class PanelScoringKernel implements ScoringKernel {
  /** Queries scored together against a panel. */
  static final int QUERY_BLOCK = 4;
  /** Panels scored as one cache-resident run: 32 panels x 32 users x 64 floats is 256 KiB. */
  private static final int RUN_BYTES = 256 * 1024;
  /** One panel in this many is scored first to set each query's floor: about 3% more work. */
  private static final int SAMPLE_STRIDE = 32;
  /** Fewer sampled panels than this say too little to set a floor. */
  private static final int MIN_SAMPLED_PANELS = 16;

  private static final int CORES = Runtime.getRuntime().availableProcessors();
  /** Shared by every kernel in the JVM: however many jobs and slots score at once, never more threads than cores. */
  private static final ExecutorService THREADS = Executors.newFixedThreadPool(CORES, runnable -> {
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

  /**
   * @param users user vectors, row after row
   * @param dimensions the length of every vector
   */
  PanelScoringKernel(float[] users, int dimensions, PanelMath math) {
    this.math = math;
    this.width = math.panelWidth();
    this.dimensions = dimensions;
    this.userCount = dimensions == 0 ? 0 : users.length / dimensions;
    this.panelCount = (userCount + width - 1) / width;
    this.panels = pack(users);
  }

  /** The kernel with the best arithmetic available. */
  public PanelScoringKernel(float[] users, int dimensions) {
    this(users, dimensions, PanelMath.best());
  }

  /** This kernel's arithmetic, for reports: "vector-512" or "scalar". */
  public String describe() {
    return math.describe();
  }

  /** The cores of this JVM, the most threads one batch is scored with. */
  public static int cores() {
    return CORES;
  }

  /** The arithmetic kernels in this JVM score with, for reports: "vector-512", or "scalar" without the Vector API. */
  public static String arithmetic() {
    return PanelMath.best().describe();
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
  public Ranked[] rank(float[][] queries, BitSet[] allowed, int k, int threadsWanted) {
    int keep = Math.min(k, userCount);
    int threads = threadsWanted == EVERY_CORE ? CORES : Math.max(1, Math.min(threadsWanted, CORES));
    if (threads == 1) {
      // In the caller's thread: a worker slot that scores alone uses its own thread, no pool.
      return ranked(scorePanels(queries, allowed, keep, 0, queries.length, 0, panelCount));
    }
    int blocks = (queries.length + QUERY_BLOCK - 1) / QUERY_BLOCK;
    if (blocks >= threads) {
      // Enough queries to go round: each thread takes whole query blocks against every user, so
      // a query's threshold rises once over all users instead of once per thread's share of them,
      // and each thread sorts its own queries' tops.
      List<Future<Ranked[]>> parts = new ArrayList<>();
      for (int part = 0; part < threads; part++) {
        int from = Math.min(queries.length, blocks * part / threads * QUERY_BLOCK);
        int to = Math.min(queries.length, blocks * (part + 1) / threads * QUERY_BLOCK);
        parts.add(THREADS.submit(() -> ranked(scorePanels(queries, allowed, keep, from, to, 0, panelCount))));
      }
      Ranked[] result = new Ranked[queries.length];
      int next = 0;
      for (Future<Ranked[]> part : parts) {
        Ranked[] ranked = await(part);
        System.arraycopy(ranked, 0, result, next, ranked.length);
        next += ranked.length;
      }
      return result;
    }
    List<Future<TopK[]>> parts = new ArrayList<>();
    int count = Math.min(threads, Math.max(1, panelCount));
    for (int part = 0; part < count; part++) {
      int from = (int) ((long) panelCount * part / count);
      int to = (int) ((long) panelCount * (part + 1) / count);
      parts.add(THREADS.submit(() -> scorePanels(queries, allowed, keep, 0, queries.length, from, to)));
    }
    TopK[] best = await(parts.get(0));
    for (Future<TopK[]> part : parts.subList(1, parts.size())) {
      TopK[] partial = await(part);
      for (int q = 0; q < queries.length; q++) {
        best[q].offerAll(partial[q]);
      }
    }
    return ranked(best);
  }

  private static Ranked[] ranked(TopK[] tops) {
    Ranked[] ranked = new Ranked[tops.length];
    for (int q = 0; q < tops.length; q++) {
      ranked[q] = tops[q].ranked();
    }
    return ranked;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scoring was interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("scoring failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Scores queries {@code [queryFrom, queryTo)} against panels {@code [from, to)}, keeping each
   * query's top k; the result's first element is query {@code queryFrom}'s.
   *
   * <p>A top that starts empty lets almost every user in until it has seen many, and those early
   * candidates cost more than the multiply-adds. So every {@link #SAMPLE_STRIDE}th panel is
   * scored first to find, per query, a floor: a score that more than k allowed users very likely
   * beat. The full pass then offers only users above the floor. If fewer than k did, the floor
   * was too high and that query is scored again without one, so results never depend on the
   * estimate.
   */
  private TopK[] scorePanels(float[][] queries, BitSet[] allowed, int keep, int queryFrom, int queryTo, int from,
      int to) {
    int count = queryTo - queryFrom;
    float[] floors = new float[count];
    Arrays.fill(floors, Float.NEGATIVE_INFINITY);
    int sampled = (to - from + SAMPLE_STRIDE - 1) / SAMPLE_STRIDE;
    if (sampled >= MIN_SAMPLED_PANELS) {
      // The sample's share of the top k is binomial; the floor sits well below its expectation.
      double expected = keep * (double) sampled / (to - from);
      TopK[] sample = tops(count, (int) Math.ceil(expected + 4 * Math.sqrt(expected)) + 2);
      scan(queries, allowed, queryFrom, queryTo, from, to, SAMPLE_STRIDE, sample, floors);
      for (int q = 0; q < count; q++) {
        if (sample[q].full()) {
          floors[q] = sample[q].threshold();
        }
      }
    }
    TopK[] best = tops(count, keep);
    scan(queries, allowed, queryFrom, queryTo, from, to, 1, best, floors);
    for (int q = 0; q < count; q++) {
      if (!best[q].full() && floors[q] != Float.NEGATIVE_INFINITY) {
        TopK[] again = tops(1, keep);
        scan(queries, allowed, queryFrom + q, queryFrom + q + 1, from, to, 1, again,
            new float[] {Float.NEGATIVE_INFINITY});
        best[q] = again[0];
      }
    }
    return best;
  }

  private static TopK[] tops(int count, int capacity) {
    TopK[] tops = new TopK[count];
    for (int q = 0; q < count; q++) {
      tops[q] = new TopK(capacity);
    }
    return tops;
  }

  /**
   * Scores queries {@code [queryFrom, queryTo)} against every {@code step}th panel of
   * {@code [from, to)}, offering {@code best[q - queryFrom]} each allowed user whose score is above
   * both its threshold and {@code floors[q - queryFrom]}.
   */
  private void scan(float[][] queries, BitSet[] allowed, int queryFrom, int queryTo, int from, int to, int step,
      TopK[] best, float[] floors) {
    int panelsPerRun = Math.max(1, RUN_BYTES / (width * Math.max(1, dimensions) * Float.BYTES));
    int run = panelsPerRun * step;
    float[] scores = new float[QUERY_BLOCK * width];
    float[] thresholds = new float[QUERY_BLOCK];
    long[] hits = new long[QUERY_BLOCK];
    for (int runStart = from; runStart < to; runStart += run) {
      int runEnd = Math.min(to, runStart + run);
      for (int q0 = queryFrom; q0 < queryTo; q0 += QUERY_BLOCK) {
        int block = Math.min(QUERY_BLOCK, queryTo - q0);
        int first = q0 - queryFrom;
        for (int b = 0; b < block; b++) {
          thresholds[b] = Math.max(floors[first + b], best[first + b].threshold());
        }
        for (int panel = runStart; panel < runEnd; panel += step) {
          math.score(panels, panel * width * dimensions, dimensions, queries, q0, block, thresholds, scores, hits);
          for (int b = 0; b < block; b++) {
            if (hits[b] != 0) {
              thresholds[b] = Math.max(floors[first + b],
                  offer(scores, b * width, hits[b], panel * width, best[first + b], allowed[q0 + b]));
            }
          }
        }
      }
    }
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
