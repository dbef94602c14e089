package io.segmentbeam.cli;

import io.segmentbeam.sample.SampleDataGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate-sample-data",
    description = "Writes reproducible Users, Items and Interactions datasets with their schemas, the ground truth "
        + "they were drawn from, and segment input files (the repository's sample-data/).")
final class GenerateSampleDataCommand implements Callable<Integer> {
  @Option(names = "--output-folder", paramLabel = "DIR", defaultValue = "sample-data",
      description = "Folder to write to (default: ${DEFAULT-VALUE}; not --output, which is the AWS CLI's output format).")
  Path output;

  @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).") long seed;
  @Option(names = "--users", defaultValue = "1000", description = "Users (default: ${DEFAULT-VALUE}).") int users;
  @Option(names = "--items", defaultValue = "200", description = "Items (default: ${DEFAULT-VALUE}).") int items;
  @Option(names = "--interactions-per-user", defaultValue = "25",
      description = "Mean events per user; activity is skewed around it (default: ${DEFAULT-VALUE}).")
  int interactionsPerUser;
  @Option(names = "--input-files", defaultValue = "2", description = "Item-Affinity input files (default: ${DEFAULT-VALUE}).")
  int inputFiles;
  @Option(names = "--lines-per-file", defaultValue = "25", description = "Queries per file (default: ${DEFAULT-VALUE}).")
  int linesPerFile;

  @Override
  public Integer call() throws IOException {
    new SampleDataGenerator(new SampleDataGenerator.Settings(seed, users, items, interactionsPerUser, inputFiles,
        linesPerFile)).writeTo(output);
    return 0;
  }
}
