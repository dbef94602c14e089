package io.segmentbeam.model.kernel;

import java.util.Arrays;

/** Portable panel arithmetic: scalar fused multiply-adds, for JVMs without the Vector API module. */
final class ScalarPanelMath implements PanelMath {
  private static final int WIDTH = 16;

  @Override
  public int panelWidth() {
    return WIDTH;
  }

  @Override
  public void score(float[] panels, int base, int dimensions, float[][] queries, int q0, int count, float[] thresholds,
      float[] scores, long[] hits) {
    Arrays.fill(scores, 0, count * WIDTH, 0f);
    for (int f = 0; f < dimensions; f++) {
      int row = base + f * WIDTH;
      for (int b = 0; b < count; b++) {
        float qf = queries[q0 + b][f];
        int at = b * WIDTH;
        for (int lane = 0; lane < WIDTH; lane++) {
          scores[at + lane] = Math.fma(qf, panels[row + lane], scores[at + lane]);
        }
      }
    }
    for (int b = 0; b < count; b++) {
      long bits = 0;
      for (int lane = 0; lane < WIDTH; lane++) {
        if (scores[b * WIDTH + lane] > thresholds[b]) {
          bits |= 1L << lane;
        }
      }
      hits[b] = bits;
    }
  }

  @Override
  public String describe() {
    return "scalar";
  }
}
