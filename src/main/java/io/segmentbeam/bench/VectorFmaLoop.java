package io.segmentbeam.bench;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** The FMA ceiling loop on the widest vectors the JVM offers; loaded only when the Vector API module is enabled. */
final class VectorFmaLoop implements FmaCeiling.Loop {
  private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  @Override
  public double run(long iterations) {
    FloatVector a = FloatVector.broadcast(SPECIES, 1.0001f);
    FloatVector b = FloatVector.broadcast(SPECIES, 0.9999f);
    FloatVector x0 = FloatVector.zero(SPECIES);
    FloatVector x1 = x0;
    FloatVector x2 = x0;
    FloatVector x3 = x0;
    FloatVector x4 = x0;
    FloatVector x5 = x0;
    FloatVector x6 = x0;
    FloatVector x7 = x0;
    FloatVector x8 = x0;
    FloatVector x9 = x0;
    for (long i = 0; i < iterations; i++) {
      x0 = a.fma(b, x0);
      x1 = a.fma(b, x1);
      x2 = a.fma(b, x2);
      x3 = a.fma(b, x3);
      x4 = a.fma(b, x4);
      x5 = a.fma(b, x5);
      x6 = a.fma(b, x6);
      x7 = a.fma(b, x7);
      x8 = a.fma(b, x8);
      x9 = a.fma(b, x9);
    }
    FmaCeiling.Blackhole.consume(x0.add(x1).add(x2).add(x3).add(x4).add(x5).add(x6).add(x7).add(x8).add(x9)
        .reduceLanes(VectorOperators.ADD));
    return iterations * 10.0 * 2 * SPECIES.length();
  }

  @Override
  public String describe() {
    return "vector-" + SPECIES.vectorBitSize();
  }
}
