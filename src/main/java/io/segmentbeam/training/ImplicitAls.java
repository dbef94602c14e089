package io.segmentbeam.training;

import io.segmentbeam.interactions.InteractionMatrix;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Matrix factorization for implicit feedback (Hu, Koren and Volinsky, 2008). An interaction of
 * summed weight r gives preference 1 with confidence c = 1 + alpha r; every other pair has
 * preference 0 with confidence 1. Alternating least squares minimizes
 * sum over all pairs of c (p - x.y)^2 + lambda (|X|^2 + |Y|^2), each user's (and item's) vector
 * solved exactly from the d x d normal equations, using the shared Gram matrix so that a row costs
 * O(n d^2 + d^3) for its n interactions.
 *
 * <p>Deterministic: rows are solved independently, and every sum over rows (the Gram matrix, the
 * loss) is taken over fixed chunks added in chunk order, so the result is bit-identical for any
 * number of threads.
 */
public final class ImplicitAls {
  /** Rows per unit of parallel work: small enough to balance two cores, large enough to be cheap. */
  private static final int CHUNK = 512;

  /**
   * @param factors vector length, 1 to 1000
   * @param iterations alternations of user and item solves, at least 1
   * @param regularization lambda, 0 or more
   * @param alpha how much each unit of event weight raises confidence, 0 or more
   * @param seed for the initial item vectors
   * @param threads cores to use, at least 1
   */
  public record Settings(int factors, int iterations, double regularization, double alpha, long seed, int threads) {
    public Settings {
      require(factors >= 1 && factors <= 1000, "factors must be 1 to 1000, got " + factors);
      require(iterations >= 1, "iterations must be at least 1, got " + iterations);
      require(regularization >= 0 && Double.isFinite(regularization),
          "regularization must be 0 or more, got " + regularization);
      require(alpha >= 0 && Double.isFinite(alpha), "alpha must be 0 or more, got " + alpha);
      require(threads >= 1, "threads must be at least 1, got " + threads);
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new IllegalArgumentException(message);
      }
    }
  }

  /** Row-major vectors: user u's vector is {@code users[u * factors ...]}. */
  public record Factors(int factors, float[] users, float[] items) {}

  /** Told after each iteration; {@code loss} is the objective divided by the number of interactions. */
  @FunctionalInterface
  public interface ProgressListener {
    void iterationDone(int iteration, int iterations, double loss, long millis);
  }

  private final Settings settings;

  public ImplicitAls(Settings settings) {
    this.settings = settings;
  }

  public Factors train(InteractionMatrix matrix, ProgressListener listener) {
    int d = settings.factors();
    float[] users = new float[matrix.users() * d];
    float[] items = new float[matrix.items() * d];
    SplittableRandom random = new SplittableRandom(settings.seed());
    double scale = 1 / Math.sqrt(d);
    for (int i = 0; i < items.length; i++) {
      items[i] = (float) (scale * random.nextDouble());
    }
    ForkJoinPool pool = new ForkJoinPool(settings.threads());
    try {
      for (int iteration = 1; iteration <= settings.iterations(); iteration++) {
        long start = System.nanoTime();
        solve(pool, users, items, matrix.byUser());
        solve(pool, items, users, matrix.byItem());
        double loss = loss(pool, users, items, matrix.byUser()) / Math.max(1, matrix.nonZeros());
        listener.iterationDone(iteration, settings.iterations(), loss, (System.nanoTime() - start) / 1_000_000);
      }
    } finally {
      pool.shutdown();
    }
    return new Factors(d, users, items);
  }

  /** Solves every row of {@code target} with {@code fixed} held. */
  private void solve(ForkJoinPool pool, float[] target, float[] fixed, InteractionMatrix.Rows rows) {
    int d = settings.factors();
    double[] gram = gram(pool, fixed);
    int chunks = (rows.count() + CHUNK - 1) / CHUNK;
    run(pool, () -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
      double[] a = new double[d * d];
      double[] b = new double[d];
      for (int row = chunk * CHUNK; row < Math.min(rows.count(), (chunk + 1) * CHUNK); row++) {
        solveRow(row, rows, fixed, gram, a, b, target);
      }
    }));
  }

  private void solveRow(int row, InteractionMatrix.Rows rows, float[] fixed, double[] gram, double[] a, double[] b,
      float[] target) {
    int d = settings.factors();
    int from = rows.start()[row];
    int to = rows.start()[row + 1];
    if (from == to) {
      Arrays.fill(target, row * d, (row + 1) * d, 0f);
      return;
    }
    System.arraycopy(gram, 0, a, 0, d * d);
    Arrays.fill(b, 0);
    for (int f = 0; f < d; f++) {
      a[f * d + f] += settings.regularization();
    }
    for (int k = from; k < to; k++) {
      int offset = rows.columns()[k] * d;
      double confidence = 1 + settings.alpha() * rows.weights()[k];
      double extra = confidence - 1;
      // Lower triangle only: the Cholesky factorization reads no more.
      for (int i = 0; i < d; i++) {
        double yi = fixed[offset + i];
        double scaled = extra * yi;
        int rowOffset = i * d;
        for (int j = 0; j <= i; j++) {
          a[rowOffset + j] += scaled * fixed[offset + j];
        }
        b[i] += confidence * yi;
      }
    }
    Cholesky.solveInPlace(a, b, d);
    for (int f = 0; f < d; f++) {
      target[row * d + f] = (float) b[f];
    }
  }

  /** The sum of every row's outer product with itself, chunk by chunk, added in chunk order. */
  private double[] gram(ForkJoinPool pool, float[] vectors) {
    int d = settings.factors();
    int rows = vectors.length / d;
    int chunks = (rows + CHUNK - 1) / CHUNK;
    double[][] partial = new double[chunks][];
    run(pool, () -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
      double[] sum = new double[d * d];
      for (int row = chunk * CHUNK; row < Math.min(rows, (chunk + 1) * CHUNK); row++) {
        int offset = row * d;
        for (int i = 0; i < d; i++) {
          double vi = vectors[offset + i];
          for (int j = 0; j <= i; j++) {
            sum[i * d + j] += vi * vectors[offset + j];
          }
        }
      }
      partial[chunk] = sum;
    }));
    double[] gram = new double[d * d];
    for (double[] sum : partial) {
      for (int i = 0; i < gram.length; i++) {
        gram[i] += sum[i];
      }
    }
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < i; j++) {
        gram[j * d + i] = gram[i * d + j];
      }
    }
    return gram;
  }

  /**
   * The objective, without visiting the unobserved pairs: their squared error sums to
   * x' (Y'Y) x per user, from which the observed pairs' zero-preference terms are taken back.
   */
  private double loss(ForkJoinPool pool, float[] users, float[] items, InteractionMatrix.Rows byUser) {
    int d = settings.factors();
    double[] gram = gram(pool, items);
    int chunks = (byUser.count() + CHUNK - 1) / CHUNK;
    double[] partial = new double[chunks];
    run(pool, () -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
      double sum = 0;
      for (int user = chunk * CHUNK; user < Math.min(byUser.count(), (chunk + 1) * CHUNK); user++) {
        int x = user * d;
        for (int i = 0; i < d; i++) {
          double gx = 0;
          for (int j = 0; j < d; j++) {
            gx += gram[i * d + j] * users[x + j];
          }
          sum += users[x + i] * gx + settings.regularization() * users[x + i] * users[x + i];
        }
        for (int k = byUser.start()[user]; k < byUser.start()[user + 1]; k++) {
          int y = byUser.columns()[k] * d;
          double p = 0;
          for (int f = 0; f < d; f++) {
            p += users[x + f] * items[y + f];
          }
          double confidence = 1 + settings.alpha() * byUser.weights()[k];
          sum += confidence * (1 - p) * (1 - p) - p * p;
        }
      }
      partial[chunk] = sum;
    }));
    double loss = 0;
    for (double sum : partial) {
      loss += sum;
    }
    for (float v : items) {
      loss += settings.regularization() * v * v;
    }
    return loss;
  }

  private static void run(ForkJoinPool pool, Runnable work) {
    try {
      pool.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training was interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    }
  }
}
