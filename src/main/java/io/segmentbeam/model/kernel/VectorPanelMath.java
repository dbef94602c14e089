package io.segmentbeam.model.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Panel arithmetic on the JDK Vector API (module {@code jdk.incubator.vector}, enabled with
 * {@code --add-modules jdk.incubator.vector}). A panel is two vectors wide, so four queries keep
 * eight accumulators in registers; each step loads two vectors of user values and feeds them to
 * eight fused multiply-adds. Loaded only when the module is present (see {@link PanelMath#best}).
 */
final class VectorPanelMath implements PanelMath {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
  private static final int LANES = SPECIES.length();
  private static final int WIDTH = 2 * LANES;
  private static final FloatVector ZERO = FloatVector.zero(SPECIES);
  /** Lane i holds 2^i. */
  private static final FloatVector LANE_BITS = laneBitsVector();

  @Override
  public int panelWidth() {
    return WIDTH;
  }

  @Override
  public void score(float[] panels, int base, int dimensions, float[][] queries, int q0, int count, float[] thresholds,
      float[] scores, long[] hits) {
    if (count == PanelScoringKernel.QUERY_BLOCK) {
      scoreFour(panels, base, dimensions, queries[q0], queries[q0 + 1], queries[q0 + 2], queries[q0 + 3], thresholds,
          scores, hits);
      return;
    }
    for (int b = 0; b < count; b++) {
      float[] query = queries[q0 + b];
      FloatVector low = FloatVector.zero(SPECIES);
      FloatVector high = low;
      for (int f = 0; f < dimensions; f++) {
        int row = base + f * WIDTH;
        FloatVector q = FloatVector.broadcast(SPECIES, query[f]);
        low = q.fma(FloatVector.fromArray(SPECIES, panels, row), low);
        high = q.fma(FloatVector.fromArray(SPECIES, panels, row + LANES), high);
      }
      store(low, high, thresholds[b], scores, b, hits);
    }
  }

  /**
   * Marks the lanes of one query's two score vectors that beat its threshold, storing the scores
   * only when there is one. {@code VectorMask.toLong} is not compiled to a mask move on JDK 17 and
   * costs more than the multiply-adds, so the lane bits are summed instead: each marked lane
   * contributes its own power of two, exact in a float.
   */
  private static void store(FloatVector low, FloatVector high, float threshold, float[] scores, int b, long[] hits) {
    VectorMask<Float> lowAbove = low.compare(VectorOperators.GT, threshold);
    VectorMask<Float> highAbove = high.compare(VectorOperators.GT, threshold);
    if (!lowAbove.or(highAbove).anyTrue()) {
      hits[b] = 0;
      return;
    }
    low.intoArray(scores, b * WIDTH);
    high.intoArray(scores, b * WIDTH + LANES);
    hits[b] = laneBits(lowAbove) | laneBits(highAbove) << LANES;
  }

  private static long laneBits(VectorMask<Float> marked) {
    return (long) ZERO.blend(LANE_BITS, marked).reduceLanes(VectorOperators.ADD);
  }

  private static void scoreFour(float[] panels, int base, int dimensions, float[] a, float[] b, float[] c, float[] d,
      float[] thresholds, float[] scores, long[] hits) {
    FloatVector a0 = FloatVector.zero(SPECIES);
    FloatVector a1 = a0;
    FloatVector b0 = a0;
    FloatVector b1 = a0;
    FloatVector c0 = a0;
    FloatVector c1 = a0;
    FloatVector d0 = a0;
    FloatVector d1 = a0;
    for (int f = 0; f < dimensions; f++) {
      int row = base + f * WIDTH;
      FloatVector low = FloatVector.fromArray(SPECIES, panels, row);
      FloatVector high = FloatVector.fromArray(SPECIES, panels, row + LANES);
      FloatVector qa = FloatVector.broadcast(SPECIES, a[f]);
      FloatVector qb = FloatVector.broadcast(SPECIES, b[f]);
      FloatVector qc = FloatVector.broadcast(SPECIES, c[f]);
      FloatVector qd = FloatVector.broadcast(SPECIES, d[f]);
      a0 = qa.fma(low, a0);
      a1 = qa.fma(high, a1);
      b0 = qb.fma(low, b0);
      b1 = qb.fma(high, b1);
      c0 = qc.fma(low, c0);
      c1 = qc.fma(high, c1);
      d0 = qd.fma(low, d0);
      d1 = qd.fma(high, d1);
    }
    store(a0, a1, thresholds[0], scores, 0, hits);
    store(b0, b1, thresholds[1], scores, 1, hits);
    store(c0, c1, thresholds[2], scores, 2, hits);
    store(d0, d1, thresholds[3], scores, 3, hits);
  }

  private static FloatVector laneBitsVector() {
    float[] powers = new float[LANES];
    for (int lane = 0; lane < LANES; lane++) {
      powers[lane] = 1 << lane;
    }
    return FloatVector.fromArray(SPECIES, powers, 0);
  }

  @Override
  public String describe() {
    return "vector-" + SPECIES.vectorBitSize();
  }
}
