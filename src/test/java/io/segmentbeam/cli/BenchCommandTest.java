package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark on a small scenario: every figure is printed, the kernel agrees with the naive
 * baseline, and the job's output with the kernel. (Its speed is reported, not asserted.)
 */
class BenchCommandTest {
  @TempDir Path work;

  @Test
  void smallBenchmarkPrintsEveryFigureAndTheResultsAgree() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode = SegmentBeamCli.run(new String[] {"bench", "--users", "3001", "--factors", "12", "--items", "50",
        "--queries", "70", "--num-results", "40", "--naive-queries", "70", "--work", work.toString()},
        new PrintWriter(out), new PrintWriter(err));
    assertThat(err.toString(), exitCode, equalTo(0));
    assertThat(out.toString(), reportsEveryFigure());
  }

  private static Matcher<String> reportsEveryFigure() {
    return allOf(
        matchesPattern("(?s).*ceiling +[0-9.]+ GFLOP/s \\(vector-\\d+ FMA loop on \\d+ cores, best of 3\\).*"),
        matchesPattern("(?s).*naive +[0-9.]+ GFLOP/s.*"),
        containsString("results equal the naive baseline's for 70 of 70 queries checked"),
        matchesPattern("(?s).*model load +[0-9.]+ s to read the 3,001 x 12 user vectors.*"),
        matchesPattern("(?s).*job +[0-9.]+ s on the Direct runner: start-up [0-9.]+ s, model load [0-9.]+ s, "
            + "scoring [0-9.]+ s \\(2 batches, .*output equals the kernel's for 70 of 70 lines.*"),
        matchesPattern("(?s)(.*\njob again +[0-9.]+ s on the Direct runner: .*output equals the kernel's for 70 of 70 "
            + "lines){2}.*"),
        matchesPattern("(?s).*scoring +best of the 3 jobs' scoring phases: [0-9.]+ s = [0-9.]+x the bare kernel's "
            + "[0-9.]+ s \\(best of 3\\).*"));
  }
}
