package io.segmentbeam.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** A command that only reads (a describe or a list): it prints the response AWS would send. */
abstract class ReadCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin ServiceOptions service;

  /** The response to print, in the API's shape. */
  abstract Object response();

  @Override
  public final Integer call() {
    spec.commandLine().getOut().println(CliJson.format(response()));
    return 0;
  }
}
