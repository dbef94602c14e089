package io.segmentbeam.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of the segmentbeam command, with what it printed. */
record CliRun(int exitCode, String out, String err) {

  /**
   * Runs the command against the job store in {@code home} (unless the arguments name another)
   * and the repository's pipelines/.
   */
  static CliRun run(Path home, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (all.stream().noneMatch(arg -> arg.startsWith("--home"))) {
      all.add("--home=" + home);
    }
    all.add("--region=us-east-1");
    all.add("--account-id=123456789012");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = SegmentBeamCli.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }
}
