package io.segmentbeam.cli;

import io.segmentbeam.bench.StartupBenchmark;
import io.segmentbeam.storage.FolderRemoval;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-startup", sortOptions = false,
    description = {"Times small jobs from the command line, each a fresh JVM as a user starts it: a bare Beam "
        + "pipeline on the same jar, the sample batch segment job and a 1,000-row Users import (medians).",
        "Run from the repository's folder: java -jar target/segmentbeam.jar bench-startup"})
final class BenchStartupCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", defaultValue = "5", description = "Runs of each (default: ${DEFAULT-VALUE}).") int runs;
  @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench-startup",
      description = "Where the store and the jobs' output go; emptied first (default: ${DEFAULT-VALUE}).")
  Path work;

  @Override
  public Integer call() throws Exception {
    Path folder = work.toAbsolutePath();
    FolderRemoval.remove(folder + "/", PipelineOptionsFactory.create());
    Files.createDirectories(folder);
    new StartupBenchmark(folder, runs, spec.commandLine().getOut()).run();
    return 0;
  }
}
