package io.segmentbeam.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;

/**
 * Measures how good a job's segments are against the ground truth. For each output line, the
 * relevant users are the top {@code relevantFraction} of all users by true affinity to the line's
 * items; the line's precision is the share of its segment that is relevant, its recall the share
 * of the relevant users its segment holds, and its affinity lift the segment's mean true affinity
 * over the mean of all users. Lines with an error are counted, not scored.
 */
public final class SegmentEvaluator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The items a query line stands for: its item, or the items matching its attributes. */
  @FunctionalInterface
  public interface QueryItems {
    /** The items of the line's query; throws IllegalArgumentException saying why there are none. */
    List<String> of(JsonNode input);
  }

  /** One scored output line. */
  public record LineResult(String file, long line, String queryKind, int segmentSize, double precision,
      double recall, double affinityLift) {}

  /** Means over a set of scored lines. */
  public record Figures(int lines, double meanPrecision, double meanRecall, double meanAffinityLift) {

    static Figures of(List<LineResult> results) {
      return new Figures(results.size(),
          mean(results.stream().mapToDouble(LineResult::precision).toArray()),
          mean(results.stream().mapToDouble(LineResult::recall).toArray()),
          mean(results.stream().mapToDouble(LineResult::affinityLift).toArray()));
    }
  }

  /** What the evaluation found, overall and by query kind ({@code itemId}, {@code itemAttributes}). */
  public record Report(int lines, int errorLines, double relevantFraction, Figures all,
      Map<String, Figures> byQueryKind, List<LineResult> perLine) {}

  private final GroundTruth truth;
  private final QueryItems queryItems;
  private final double relevantFraction;

  public SegmentEvaluator(GroundTruth truth, QueryItems queryItems, double relevantFraction) {
    if (!(relevantFraction > 0 && relevantFraction <= 1)) {
      throw new IllegalArgumentException("the relevant fraction must be above 0 and at most 1, got "
          + relevantFraction);
    }
    this.truth = truth;
    this.queryItems = queryItems;
    this.relevantFraction = relevantFraction;
  }

  /** Scores every {@code .out} file under {@code outputFolder} (a path or URI ending in {@code /}). */
  public Report evaluate(String outputFolder) throws IOException {
    String folder = outputFolder.endsWith("/") ? outputFolder : outputFolder + "/";
    MatchResult match = FileSystems.match(folder + "**", EmptyMatchTreatment.ALLOW);
    List<String> files = new ArrayList<>();
    if (match.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata metadata : match.metadata()) {
        if (metadata.resourceId().toString().endsWith(".out")) {
          files.add(metadata.resourceId().toString());
        }
      }
    }
    if (files.isEmpty()) {
      throw new FileNotFoundException("no .out files under " + folder);
    }
    files.sort(String::compareTo);
    List<LineResult> results = new ArrayList<>();
    int lines = 0;
    int errorLines = 0;
    for (String file : files) {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(
          Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false))),
          StandardCharsets.UTF_8))) {
        String text;
        long number = 0;
        while ((text = reader.readLine()) != null) {
          number++;
          lines++;
          LineResult result = score(file, number, text);
          if (result == null) {
            errorLines++;
          } else {
            results.add(result);
          }
        }
      }
    }
    Map<String, List<LineResult>> byKind = new TreeMap<>();
    results.forEach(r -> byKind.computeIfAbsent(r.queryKind(), k -> new ArrayList<>()).add(r));
    Map<String, Figures> figures = new LinkedHashMap<>();
    byKind.forEach((kind, kindResults) -> figures.put(kind, Figures.of(kindResults)));
    return new Report(lines, errorLines, relevantFraction, Figures.of(results), figures, results);
  }

  /** The line's figures, or null for a line the job answered with an error. */
  private LineResult score(String file, long number, String text) throws IOException {
    JsonNode line;
    try {
      line = JSON.readTree(text);
    } catch (IOException e) {
      throw new IOException(file + ":" + number + ": not a batch segment output line", e);
    }
    JsonNode users = line.path("output").path("usersList");
    if (!users.isArray()) {
      if (line.path("error").isTextual()) {
        return null;
      }
      throw new IOException(file + ":" + number + ": has neither output.usersList nor an error");
    }
    JsonNode input = line.path("input");
    List<String> items;
    try {
      items = queryItems.of(input);
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
    }
    for (String item : items) {
      if (!truth.hasItem(item)) {
        throw new IOException(file + ":" + number + ": item \"" + item + "\" is not in the ground truth");
      }
    }
    double[] affinity = truth.affinities(items);
    double threshold = relevanceThreshold(affinity);
    int relevantCount = 0;
    double total = 0;
    for (double a : affinity) {
      relevantCount += a >= threshold ? 1 : 0;
      total += a;
    }
    int hits = 0;
    double segmentTotal = 0;
    for (JsonNode user : users) {
      int index = truth.userIndex(user.asText());
      if (index >= 0) {
        hits += affinity[index] >= threshold ? 1 : 0;
        segmentTotal += affinity[index];
      }
    }
    int size = users.size();
    double populationMean = total / affinity.length;
    double lift = size == 0 || populationMean == 0 ? 0 : segmentTotal / size / populationMean;
    String kind = input.has("itemId") ? "itemId" : "itemAttributes";
    return new LineResult(file, number, kind, size, size == 0 ? 0 : (double) hits / size,
        (double) hits / relevantCount, lift);
  }

  /** The true affinity a user needs to be among the top fraction; users tied with it count too. */
  private double relevanceThreshold(double[] affinity) {
    double[] sorted = affinity.clone();
    Arrays.sort(sorted);
    int relevant = Math.max(1, (int) Math.ceil(relevantFraction * sorted.length));
    return sorted[sorted.length - relevant];
  }

  private static double mean(double[] values) {
    return values.length == 0 ? 0 : Arrays.stream(values).sum() / values.length;
  }
}
