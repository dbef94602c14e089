package io.segmentbeam.cli;

import io.segmentbeam.bench.ClusterBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-cluster", sortOptions = false,
    description = {"Generates the benchmark scenario at a cluster's size and runs its job on a Flink session cluster "
        + "started on this machine (TaskManager heaps smaller than the model, users in shards), then on the Direct "
        + "runner with the whole model, printing each job's time and throughput per core.",
        "Run from target/segmentbeam-flink.jar, with a heap that holds the whole model twice (-Xmx12g for the "
        + "default 10,000,000 x 64)."})
final class BenchClusterCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;
  @Mixin BenchScenarioOptions scenario;

  @Option(names = "--users", defaultValue = "10000000", description = "Users (default: ${DEFAULT-VALUE}).") int users;
  @Option(names = "--task-managers", defaultValue = "2", description = "TaskManagers (default: ${DEFAULT-VALUE}).")
  int taskManagers;
  @Option(names = "--slots", defaultValue = "1", description = "Slots per TaskManager (default: ${DEFAULT-VALUE}).")
  int slots;
  @Option(names = "--task-heap-mb", defaultValue = "1024",
      description = "Each TaskManager's heap for tasks, MiB (default: ${DEFAULT-VALUE}).")
  int taskHeapMegabytes;
  @Option(names = "--shard-mb", defaultValue = "256",
      description = "User shards' size on the cluster, MiB (default: ${DEFAULT-VALUE}).")
  long shardMegabytes;
  @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench-cluster",
      description = "Where the scenario, the cluster's files and the jobs' output go (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    try {
      Class.forName("org.apache.beam.runners.flink.FlinkRunner", false, getClass().getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "bench-cluster needs the Flink runner: run it from target/segmentbeam-flink.jar");
    }
    Files.createDirectories(work);
    new ClusterBenchmark(new ClusterBenchmark.Settings(users, scenario.factors, scenario.items, scenario.queries,
        scenario.numResults, scenario.heldOut, scenario.seed,
        work.toAbsolutePath(), taskManagers, slots, taskHeapMegabytes, shardMegabytes << 20),
        spec.commandLine().getOut()).run();
    return 0;
  }
}
