package io.segmentbeam.bench;

import io.segmentbeam.model.kernel.VectorApi;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The machine's own ceiling for scoring: fused multiply-adds with no memory traffic, on every
 * core, as wide as the JVM can issue them (Vector API lanes where its module is enabled, scalar
 * otherwise). Ten independent chains per thread hide the FMA latency.
 */
final class FmaCeiling {
  private FmaCeiling() {}

  /** One thread's work: {@code iterations} rounds of FMAs; returns the FLOPs done. */
  interface Loop {
    double run(long iterations);

    String describe();
  }

  static Loop best() {
    return VectorApi.orElse(() -> (Loop) Class.forName("io.segmentbeam.bench.VectorFmaLoop").getDeclaredConstructor()
        .newInstance(), ScalarLoop::new);
  }

  /** GFLOP/s of {@code loop} on {@code threads} threads, each running about {@code seconds}. */
  static double measure(Loop loop, int threads, double seconds) throws InterruptedException, ExecutionException {
    long iterations = 1_000_000;
    loop.run(iterations);
    long start = System.nanoTime();
    loop.run(iterations);
    double perIteration = (System.nanoTime() - start) / 1e9 / iterations;
    long planned = Math.max(iterations, (long) (seconds / Math.max(perIteration, 1e-12)));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Double>> work = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        work.add(() -> loop.run(planned));
      }
      long begin = System.nanoTime();
      double flops = 0;
      for (Future<Double> done : pool.invokeAll(work)) {
        flops += done.get();
      }
      return flops / ((System.nanoTime() - begin) / 1e9) / 1e9;
    } finally {
      pool.shutdown();
    }
  }

  private static final class ScalarLoop implements Loop {
    @Override
    public double run(long iterations) {
      float a = 1.0001f;
      float b = 0.9999f;
      float x0 = 0;
      float x1 = 0;
      float x2 = 0;
      float x3 = 0;
      float x4 = 0;
      float x5 = 0;
      float x6 = 0;
      float x7 = 0;
      float x8 = 0;
      float x9 = 0;
      for (long i = 0; i < iterations; i++) {
        x0 = Math.fma(a, b, x0);
        x1 = Math.fma(a, b, x1);
        x2 = Math.fma(a, b, x2);
        x3 = Math.fma(a, b, x3);
        x4 = Math.fma(a, b, x4);
        x5 = Math.fma(a, b, x5);
        x6 = Math.fma(a, b, x6);
        x7 = Math.fma(a, b, x7);
        x8 = Math.fma(a, b, x8);
        x9 = Math.fma(a, b, x9);
      }
      Blackhole.consume(x0 + x1 + x2 + x3 + x4 + x5 + x6 + x7 + x8 + x9);
      return iterations * 10.0 * 2;
    }

    @Override
    public String describe() {
      return "scalar";
    }
  }

  /** Keeps a result alive so the JIT cannot drop the loop that made it. */
  static final class Blackhole {
    static volatile float sink;

    private Blackhole() {}

    static void consume(float value) {
      sink = value;
    }
  }
}
