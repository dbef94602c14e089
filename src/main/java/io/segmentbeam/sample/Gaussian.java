package io.segmentbeam.sample;

import java.util.SplittableRandom;

/** Standard normal draws computed the same way on every JVM, so that generated files never change. */
final class Gaussian {
  private Gaussian() {}

  /** Box-Muller with StrictMath: two numbers of the stream per draw, the same result on every platform. */
  static double next(SplittableRandom random) {
    double u1 = 1.0 - random.nextDouble();
    double u2 = random.nextDouble();
    return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * Math.PI * u2);
  }
}
