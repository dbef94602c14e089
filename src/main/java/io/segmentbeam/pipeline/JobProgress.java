package io.segmentbeam.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far one run of a job has got, for the progress lines a long job prints: files and lines
 * read, lines done (scored or answered with an error). Each run counts into its own counters,
 * found by its id, so that jobs running at once in one service never count into each other's.
 * Progress shows where the pipeline runs in the launching JVM (the Direct runner, an embedded
 * Flink cluster); elsewhere the transforms count into counters nobody reads, and the runner's own
 * UI shows progress.
 */
public final class JobProgress {
  private static final Map<String, JobProgress> WATCHED = new ConcurrentHashMap<>();

  private final AtomicLong filesRead = new AtomicLong();
  private final AtomicLong linesRead = new AtomicLong();
  private final AtomicLong linesDone = new AtomicLong();

  private JobProgress() {}

  /** The counters of run {@code id}: those its launcher watches in this JVM, else ones nobody reads. */
  static JobProgress of(String id) {
    JobProgress watched = WATCHED.get(id);
    return watched != null ? watched : new JobProgress();
  }

  void fileRead() {
    filesRead.incrementAndGet();
  }

  void lineRead() {
    linesRead.incrementAndGet();
  }

  void linesDone(long lines) {
    linesDone.addAndGet(lines);
  }

  /**
   * Watches run {@code id} until closed, printing a progress line every {@code intervalSeconds} to
   * {@code out}: lines done of the lines read (exact once every one of {@code files} input files
   * has been read), the rate, and the time left at that rate.
   */
  public static Reporting report(String id, long files, int intervalSeconds, PrintStream out) {
    JobProgress progress = new JobProgress();
    WATCHED.put(id, progress);
    if (intervalSeconds <= 0) {
      return () -> WATCHED.remove(id);
    }
    long start = System.nanoTime();
    Thread reporter = new Thread(() -> {
      try {
        while (true) {
          Thread.sleep(intervalSeconds * 1000L);
          out.println(progress.line(files, (System.nanoTime() - start) / 1e9));
        }
      } catch (InterruptedException stopped) {
        // The job is over.
      }
    }, "segmentbeam-progress");
    reporter.setDaemon(true);
    reporter.start();
    return () -> {
      reporter.interrupt();
      WATCHED.remove(id);
    };
  }

  /** The running reporter; closing it stops it. */
  public interface Reporting extends AutoCloseable {
    @Override
    void close();
  }

  String line(long files, double seconds) {
    return line(filesRead.get(), files, linesRead.get(), linesDone.get(), seconds);
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
