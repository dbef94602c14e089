package io.segmentbeam.cli;

import io.segmentbeam.sample.SampleDataGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate-sample-data",
    description = "Writes a reproducible factor model and segment input files (the repository's sample-data/).")
final class GenerateSampleDataCommand implements Callable<Integer> {
  @Option(names = "--output", paramLabel = "DIR", defaultValue = "sample-data",
      description = "Folder to write to (default: ${DEFAULT-VALUE}).")
  Path output;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--users", defaultValue = "1000", description = "Users (default: ${DEFAULT-VALUE}).") int users;
  @Option(names = "--items", defaultValue = "200", description = "Items (default: ${DEFAULT-VALUE}).") int items;
  @Option(names = "--factors", defaultValue = "16", description = "Latent factors (default: ${DEFAULT-VALUE}).")
  int factors;
  @Option(names = "--input-files", defaultValue = "2", description = "Input files (default: ${DEFAULT-VALUE}).")
  int inputFiles;
  @Option(names = "--lines-per-file", defaultValue = "25", description = "Queries per file (default: ${DEFAULT-VALUE}).")
  int linesPerFile;

  @Override
  public Integer call() throws IOException {
    new SampleDataGenerator(new SampleDataGenerator.Settings(seed, users, items, factors, inputFiles, linesPerFile)).writeTo(output);
    return 0;
  }
}
