package io.segmentbeam.cli;

import io.segmentbeam.bench.ScoringBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench", sortOptions = false,
    description = {"Generates the scoring benchmark's scenario and measures, in one run, the machine's FMA ceiling, "
        + "a naive baseline, the scoring kernel and the whole job on the Direct runner.",
        "Run with java --add-modules jdk.incubator.vector -Xmx4g for SIMD and room for the vectors."})
final class BenchCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin BenchScenarioOptions scenario;

  @Option(names = "--users", defaultValue = "1000000", description = "Users (default: ${DEFAULT-VALUE}).") int users;
  @Option(names = "--naive-queries", defaultValue = "4",
      description = "Queries the naive baseline scores (default: ${DEFAULT-VALUE}).")
  int naiveQueries;
  @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench",
      description = "Where the scenario and the job's output go (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(work);
    new ScoringBenchmark(new ScoringBenchmark.Settings(users, scenario.factors, scenario.items, scenario.queries,
        scenario.numResults, scenario.heldOut, naiveQueries, scenario.seed, work.toAbsolutePath()), spec.commandLine().getOut()).run();
    return 0;
  }
}
