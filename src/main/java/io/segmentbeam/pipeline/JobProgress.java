package io.segmentbeam.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the job running in this JVM has got, for the progress lines a long job prints: files
 * and lines read, lines done (scored or answered with an error). The pipeline's transforms count
 * into JVM-wide counters, so progress shows where the pipeline runs in the launching JVM (the
 * Direct runner, an embedded Flink cluster); on a cluster, the runner's own UI shows it. One job
 * runs at a time in a JVM launched from the command line.
 */
public final class JobProgress {
  private static final AtomicLong FILES_READ = new AtomicLong();
  private static final AtomicLong LINES_READ = new AtomicLong();
  private static final AtomicLong LINES_DONE = new AtomicLong();

  private JobProgress() {}

  static void fileRead() {
    FILES_READ.incrementAndGet();
  }

  static void lineRead() {
    LINES_READ.incrementAndGet();
  }

  static void linesDone(long lines) {
    LINES_DONE.addAndGet(lines);
  }

  /**
   * Prints a progress line every {@code intervalSeconds} to {@code out} until closed: lines done
   * of the lines read (exact once every one of {@code files} input files has been read), the
   * rate, and the time left at that rate.
   */
  public static Reporting report(long files, int intervalSeconds, PrintStream out) {
    FILES_READ.set(0);
    LINES_READ.set(0);
    LINES_DONE.set(0);
    if (intervalSeconds <= 0) {
      return () -> { };
    }
    long start = System.nanoTime();
    Thread reporter = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(intervalSeconds * 1000L);
          out.println(line(files, (System.nanoTime() - start) / 1e9));
        }
      } catch (InterruptedException stopped) {
        // The job is over.
      }
    }, "segmentbeam-progress");
    reporter.setDaemon(true);
    reporter.start();
    return reporter::interrupt;
  }

  /** The running reporter; closing it stops it. */
  public interface Reporting extends AutoCloseable {
    @Override
    void close();
  }

  static String line(long files, double seconds) {
    return line(FILES_READ.get(), files, LINES_READ.get(), LINES_DONE.get(), seconds);
  }

  static String line(long filesRead, long files, long read, long done, double seconds) {
    double rate = done / Math.max(seconds, 1e-9);
    if (filesRead < files) {
      return String.format(Locale.ROOT, "progress: %,d lines done, %,d read so far (%,d of %,d input files), "
          + "%,.0f lines/s", done, read, filesRead, files, rate);
    }
    String left = rate > 0 ? String.format(Locale.ROOT, ", about %.0f s left", (read - done) / rate) : "";
    return String.format(Locale.ROOT, "progress: %,d of %,d lines done, %,.0f lines/s%s", done, read, rate, left);
  }
}
