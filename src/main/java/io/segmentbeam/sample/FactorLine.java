package io.segmentbeam.sample;

/**
 * One line of a factor file, {@code {"id": "7", "features": [0.0123, ...]}}, from values kept in
 * ten-thousandths: printed digit by digit, so the text is the same on every JVM.
 */
final class FactorLine {
  private FactorLine() {}

  static String of(String id, int[] tenThousandths) {
    StringBuilder line = new StringBuilder("{\"id\": \"").append(id).append("\", \"features\": [");
    for (int f = 0; f < tenThousandths.length; f++) {
      int value = tenThousandths[f];
      line.append(f == 0 ? "" : ", ").append(value < 0 ? "-" : "");
      int magnitude = Math.abs(value);
      line.append(magnitude / 10_000).append('.');
      String fraction = Integer.toString(magnitude % 10_000);
      line.append("0".repeat(4 - fraction.length())).append(fraction);
    }
    return line.append("]}\n").toString();
  }
}
