package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Every command answers --help with its own usage, as README promises, even those that pass unknown options to Beam. */
class HelpCliTest {
  @TempDir Path home;

  @Test
  void everyCommandPrintsItsUsage() {
    for (String name : new CommandLine(new SegmentBeamCli()).getSubcommands().keySet()) {
      if (name.equals("help")) {
        continue;
      }
      CliRun run = CliRun.run(home, name, "--help");
      assertThat(name + ": " + run.err(), run.exitCode(), equalTo(0));
      assertThat(name, run.out(), startsWith("Usage: segmentbeam " + name + " "));
    }
  }
}
