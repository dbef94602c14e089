package io.segmentbeam.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What small jobs cost from the command line: each run is a fresh JVM started as a user starts it,
 * timed from start to exit. A bare Beam pipeline on the same jar, the sample batch segment job
 * ({@code java -jar segmentbeam.jar create-batch-segment-job ...}, relaunch included) and an import of
 * the sample's 1,000 Users rows; medians, and each job's against the bare pipeline's.
 */
public final class StartupBenchmark {
  private static final String ACCOUNT = "123456789012";
  private static final String ARN = "arn:aws:personalize:us-east-1:" + ACCOUNT + ":";

  private final Path work;
  private final int runs;
  private final PrintWriter out;

  public StartupBenchmark(Path work, int runs, PrintWriter out) {
    this.work = work;
    this.runs = runs;
    this.out = out;
  }

  public void run() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String jar = System.getProperty("java.class.path");
    List<String> segmentbeam = List.of(java, "-jar", jar);
    String home = "--home=" + work.resolve("home");
    for (List<String> setUp : List.of(
        List.of("create-schema", "--name", "startup", "--schema", "file://sample-data/datasets/users-schema.json"),
        List.of("create-dataset-group", "--name", "startup"),
        List.of("create-dataset", "--name", "startup", "--dataset-group-arn", ARN + "dataset-group/startup",
            "--dataset-type", "Users", "--schema-arn", ARN + "schema/startup"))) {
      time(concat(segmentbeam, setUp, List.of(home)));
    }
    double bare = report("bare", "a bare Beam pipeline (Create, Map; Direct runner) on the same jar", 0, run -> List.of(
        java, "--add-modules", "jdk.incubator.vector", "-cp", jar, BarePipeline.class.getName()));
    report("job", "the sample batch segment job (java -jar, relaunched for the Vector API)", bare, run ->
        concat(segmentbeam, List.of("create-batch-segment-job", "--cli-input-json",
            "file://pipelines/sample-batch-segment-job.json", "--job-name", "startup-" + run, "--job-output",
            "{\"s3DataDestination\": {\"path\": \"" + work.resolve("output-" + run) + "/\"}}", home)));
    report("import", "a dataset import job of the sample's 1,000 Users rows", bare, run ->
        concat(segmentbeam, List.of("create-dataset-import-job", "--job-name", "startup-" + run, "--dataset-arn",
            ARN + "dataset/startup/USERS", "--data-source", "{\"dataLocation\": \"sample-data/datasets/users.csv\"}",
            home)));
  }

  private interface Command {
    List<String> of(int run);
  }

  /** Runs a command {@code runs} times; prints and returns the median seconds, set against {@code bare}'s. */
  private double report(String label, String what, double bare, Command command)
      throws IOException, InterruptedException {
    List<Double> seconds = new ArrayList<>();
    for (int run = 0; run < runs; run++) {
      seconds.add(time(command.of(run)));
    }
    double median = EndpointBenchmark.median(seconds);
    String each = seconds.stream().map(s -> String.format(Locale.ROOT, "%.2f", s)).collect(Collectors.joining(", "));
    out.printf(Locale.ROOT, "%-7s %s: median %.2f s of %d (%s)%s%n", label, what, median, runs, each,
        bare == 0 ? "" : String.format(Locale.ROOT, "; %.2fx the bare pipeline's", median / bare));
    out.flush();
    return median;
  }

  /** Wall seconds from the process's start to its exit; it must succeed. */
  private double time(List<String> command) throws IOException, InterruptedException {
    Path log = Files.createDirectories(work).resolve("last-run.log");
    long start = System.nanoTime();
    int exitCode = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start()
        .waitFor();
    double seconds = (System.nanoTime() - start) / 1e9;
    if (exitCode != 0) {
      throw new IOException(String.join(" ", command) + " exited with " + exitCode + ":\n" + Files.readString(log));
    }
    return seconds;
  }

  private static List<String> concat(List<String> first, List<String> second, List<String> third) {
    List<String> all = new ArrayList<>(first);
    all.addAll(second);
    all.addAll(third);
    return all;
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return concat(first, second, List.of());
  }
}
