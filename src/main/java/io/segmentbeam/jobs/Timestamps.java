package io.segmentbeam.jobs;

import java.math.BigDecimal;

/** Timestamps as the AWS JSON protocol sends them: epoch seconds with a millisecond fraction. */
final class Timestamps {
  private Timestamps() {}

  static BigDecimal now() {
    return BigDecimal.valueOf(System.currentTimeMillis(), 3);
  }
}
