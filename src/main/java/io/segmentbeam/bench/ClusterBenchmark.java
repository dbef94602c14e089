package io.segmentbeam.bench;

import io.segmentbeam.cluster.FlinkSessionCluster;
import io.segmentbeam.pipeline.JobTimings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The scale benchmark: the bench scenario at a cluster's size, run as one batch segment job on a
 * Flink session cluster started on this machine, whose TaskManagers' heaps are smaller than the
 * model (so it is scored in user shards), then on the Direct runner in this JVM with the whole
 * model. Prints each job's time and its throughput per core, and whether the outputs are equal.
 */
public final class ClusterBenchmark {
  /**
   * @param taskHeapMegabytes each TaskManager's heap for tasks (Flink adds 64 MiB of its own)
   * @param shardBytes the user shards' size on the cluster ({@code --userShardBytes})
   */
  public record Settings(int users, int factors, int items, int queries, int numResults, double heldOutShare,
      long seed, Path work, int taskManagers, int slots, int taskHeapMegabytes, long shardBytes) {}

  private final Settings settings;
  private final PrintWriter out;

  public ClusterBenchmark(Settings settings, PrintWriter out) {
    this.settings = settings;
    this.out = out;
  }

  public void run() throws IOException, InterruptedException {
    Path work = settings.work();
    long start = System.nanoTime();
    BenchScenario scenario = BenchScenario.generate(settings.users(), settings.factors(), settings.items(),
        settings.queries(), settings.heldOutShare(), settings.seed());
    scenario.write(work);
    double modelGigabytes = (double) settings.users() * settings.factors() * Float.BYTES / 1e9;
    report("scenario", "%,d users x %d factors (%.2f GB of user vectors), %,d items, %,d Item-Affinity queries, "
        + "numResults %,d, filter holding out %.1f%% of users; written in %.1f s to %s", settings.users(),
        settings.factors(), modelGigabytes, settings.items(), settings.queries(), settings.numResults(),
        scenario.heldOutPercent(), seconds(start), work);
    scenario = null;

    int slotsInAll = settings.taskManagers() * settings.slots();
    long clusterStart = System.nanoTime();
    Path onFlink = work.resolve("output-flink-" + System.currentTimeMillis());
    try (FlinkSessionCluster cluster = FlinkSessionCluster.start(work.resolve("flink-cluster"),
        System.getProperty("java.class.path"), settings.taskManagers(), settings.slots(),
        settings.taskHeapMegabytes(), Map.of())) {
      report("cluster", "Flink session cluster at %s: %d TaskManagers x %d slots, %d MiB heap each, started in "
          + "%.1f s", cluster.master(), settings.taskManagers(), settings.slots(), settings.taskHeapMegabytes() + 64,
          seconds(clusterStart));
      JobTimings flink = BenchJob.run(work, onFlink, settings.numResults(), List.of("--runner=FlinkRunner",
          "--flinkMaster=" + cluster.master(), "--parallelism=" + slotsInAll,
          "--userShardBytes=" + settings.shardBytes(), "--progressIntervalSeconds=0"));
      reportJob("flink", flink, Math.min(slotsInAll, cores()), 1, String.format(Locale.ROOT,
          "%d user shards of at most %d MiB", (long) Math.ceil(modelGigabytes * 1e9 / settings.shardBytes()),
          settings.shardBytes() >> 20));
    }
    Path onDirect = work.resolve("output-direct-" + System.currentTimeMillis());
    JobTimings direct = BenchJob.run(work, onDirect, settings.numResults(), List.of("--progressIntervalSeconds=0"));
    reportJob("direct", direct, cores(), cores(), "the whole model in this JVM");
    report("output", "the cluster's .out file %s the Direct runner's, byte for byte",
        Arrays.equals(Files.readAllBytes(onFlink.resolve("queries.json.out")),
            Files.readAllBytes(onDirect.resolve("queries.json.out"))) ? "equals" : "DIFFERS FROM");
  }

  /**
   * One job's line: its wall time, and user-query pairs per second per core over the whole job
   * and over its scoring alone ({@code threadsPerBatch} threads scored each batch).
   */
  private void reportJob(String label, JobTimings t, int cores, int threadsPerBatch, String how) {
    double wall = (t.finishedAt() - t.startedAt()) / 1000.0;
    double pairs = (double) settings.users() * settings.queries();
    double scoringCoreSeconds = t.scoringMillis() / 1000.0 * threadsPerBatch;
    report(label, "%.1f s for the job on %d cores (%s): %,.0f user-query pairs/s per core over the whole job; "
        + "scoring %.1f core-s, %,.0f pairs/s per core (%.1f GFLOP/s per core)", wall, cores, how,
        pairs / wall / cores, scoringCoreSeconds, pairs / scoringCoreSeconds,
        2.0 * pairs * settings.factors() / scoringCoreSeconds / 1e9);
  }

  private static int cores() {
    return Runtime.getRuntime().availableProcessors();
  }

  private void report(String what, String format, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = what;
    System.arraycopy(args, 0, all, 1, args.length);
    out.printf(Locale.ROOT, "%-9s " + format + "%n", all);
    out.flush();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
