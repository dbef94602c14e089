package io.segmentbeam.model.kernel;

/**
 * The arithmetic at the heart of the kernel: a few queries against one panel of users stored
 * dimension by dimension ({@code panels[base + f * width + lane]}). Every implementation computes
 * each score as the sequential chain {@code fma(q[f], u[f], s)} over f = 0..d-1, so that all of
 * them, and the naive reference, agree to the bit.
 */
interface PanelMath {

  /** Users per panel. */
  int panelWidth();

  /**
   * Scores queries {@code q0} to {@code q0 + count - 1} ({@code count} at most
   * {@link PanelScoringKernel#QUERY_BLOCK}) against the panel at {@code base}, writing query
   * {@code b}'s score of lane {@code l} to {@code scores[b * panelWidth() + l]}, and in
   * {@code hits[b]} a bit for each lane whose score is above {@code thresholds[b]}: only those
   * users can enter the query's top, so the caller looks at no other.
   */
  void score(float[] panels, int base, int dimensions, float[][] queries, int q0, int count, float[] thresholds,
      float[] scores, long[] hits);

  /** The best available: SIMD through the JDK Vector API when its module is enabled, else portable code. */
  static PanelMath best() {
    return VectorApi.orElse(() -> (PanelMath) Class.forName("io.segmentbeam.model.kernel.VectorPanelMath")
        .getDeclaredConstructor().newInstance(), ScalarPanelMath::new);
  }

  /** A short name for reports: "vector-512", "scalar". */
  String describe();
}
