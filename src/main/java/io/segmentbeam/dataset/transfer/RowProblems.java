package io.segmentbeam.dataset.transfer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;

/**
 * How many rows of an import were bad, and the first few problems in file and line order: what
 * a failed import's failureReason reports.
 */
final class RowProblems {
  static final int SHOWN = 5;

  private RowProblems() {}

  /** One bad row (or bad header or file): where, and the message {@code file:line: COLUMN: problem}. */
  record Problem(String file, long line, String message) implements Serializable, Comparable<Problem> {
    private static final Comparator<Problem> ORDER =
        Comparator.comparing(Problem::file).thenComparingLong(Problem::line).thenComparing(Problem::message);

    @Override
    public int compareTo(Problem other) {
      return ORDER.compare(this, other);
    }
  }

  /** The count and the first {@link #SHOWN} problems. */
  static final class Summary implements Serializable {
    private static final long serialVersionUID = 1L;
    long count;
    final TreeSet<Problem> first = new TreeSet<>();

    void add(Problem problem) {
      count++;
      keep(problem);
    }

    private void keep(Problem problem) {
      first.add(problem);
      if (first.size() > SHOWN) {
        first.pollLast();
      }
    }

    void merge(Summary other) {
      count += other.count;
      other.first.forEach(this::keep);
    }

    // Value equality, as Beam expects of what a coder encodes (it warns about a class without it).
    @Override
    public boolean equals(Object other) {
      return other instanceof Summary summary && count == summary.count && first.equals(summary.first);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(count) * 31 + first.hashCode();
    }

    /** The summary as text: the count on the first line, then one problem per line. */
    String toText() {
      List<String> lines = new ArrayList<>();
      lines.add(Long.toString(count));
      first.forEach(problem -> lines.add(problem.message()));
      return String.join("\n", lines);
    }
  }

  /** Combines all problems of an import into one summary. */
  static final class Summarize extends Combine.CombineFn<Problem, Summary, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public Summary createAccumulator() {
      return new Summary();
    }

    @Override
    public Summary addInput(Summary summary, Problem problem) {
      summary.add(problem);
      return summary;
    }

    @Override
    public Summary mergeAccumulators(Iterable<Summary> summaries) {
      Summary merged = new Summary();
      summaries.forEach(merged::merge);
      return merged;
    }

    @Override
    public String extractOutput(Summary summary) {
      return summary.toText();
    }

    @Override
    public Coder<Summary> getAccumulatorCoder(CoderRegistry registry, Coder<Problem> input) {
      return SerializableCoder.of(Summary.class);
    }
  }
}
