package io.segmentbeam.cli;

import io.segmentbeam.model.factors.FactorFiles;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "convert-factors",
    description = {"Copies factor vectors between JSON lines and the compact .sbf format (chosen by --to's ending), "
        + "e.g. to load a large model fast or to split its users into shards.",
        "Prints the number of rows copied."})
final class ConvertFactorsCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--from", paramLabel = "LOCATION", required = true,
      description = "A factor file, a folder ending in / (JSON lines), or an .sbf file; local or s3://.")
  String from;

  @Option(names = "--to", paramLabel = "LOCATION", required = true,
      description = "The file to write: .sbf for the compact format, anything else for JSON lines.")
  String to;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() throws Exception {
    service.registerFileSystems();
    spec.commandLine().getOut().println(FactorFiles.convert(from, to) + " rows copied to " + to);
    return 0;
  }
}
