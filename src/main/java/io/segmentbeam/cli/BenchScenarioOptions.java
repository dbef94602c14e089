package io.segmentbeam.cli;

import picocli.CommandLine.Option;

/** The benchmark scenario's shape, shared by {@code bench} and {@code bench-cluster}; each sets its own user count. */
final class BenchScenarioOptions {
  @Option(names = "--factors", defaultValue = "64", description = "Factors (default: ${DEFAULT-VALUE}).") int factors;
  @Option(names = "--items", defaultValue = "2000", description = "Items (default: ${DEFAULT-VALUE}).") int items;
  @Option(names = "--queries", defaultValue = "500", description = "Queries (default: ${DEFAULT-VALUE}).") int queries;
  @Option(names = "--num-results", defaultValue = "1000", description = "Users per segment (default: ${DEFAULT-VALUE}).")
  int numResults;
  @Option(names = "--held-out", defaultValue = "0.3",
      description = "Share of users the filter removes (default: ${DEFAULT-VALUE}).")
  double heldOut;
  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).") long seed;
}
