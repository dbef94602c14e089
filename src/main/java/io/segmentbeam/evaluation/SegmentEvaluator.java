package io.segmentbeam.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.io.FileSystems;

/**
 * Measures how good a job's segments are against a {@link SegmentTruth}: for each output line,
 * precision is the share of its segment that is relevant, recall the share of the relevant users
 * its segment holds, and lift as the truth defines it. Lines with an error, and lines whose items
 * the truth has no evidence for, are counted, not scored.
 */
public final class SegmentEvaluator {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The items a query line stands for: its item, or the items matching its attributes. */
  @FunctionalInterface
  public interface QueryItems {
    /** The items of the line's query; throws IllegalArgumentException saying why there are none. */
    List<String> of(JsonNode input);
  }

  /** One scored output line; {@code lift} is NaN where the truth has no measure of it. */
  public record LineResult(String file, long line, String queryKind, int segmentSize, double precision,
      double recall, double lift) {}

  /** Means over a set of scored lines. */
  public record Figures(int lines, double meanPrecision, double meanRecall, double meanLift) {

    static Figures of(List<LineResult> results) {
      return new Figures(results.size(),
          mean(results.stream().mapToDouble(LineResult::precision).toArray()),
          mean(results.stream().mapToDouble(LineResult::recall).toArray()),
          mean(results.stream().mapToDouble(LineResult::lift).toArray()));
    }
  }

  /** What the evaluation found, overall and by query kind ({@code itemId}, {@code itemAttributes}). */
  public record Report(int lines, int errorLines, int linesWithoutEvidence, Figures all,
      Map<String, Figures> byQueryKind, List<LineResult> perLine) {}

  private final SegmentTruth truth;
  private final QueryItems queryItems;

  public SegmentEvaluator(SegmentTruth truth, QueryItems queryItems) {
    this.truth = truth;
    this.queryItems = queryItems;
  }

  /** Scores every line of these output files (paths or URIs), in the order given. */
  public Report evaluate(List<String> files) throws IOException {
    List<LineResult> results = new ArrayList<>();
    int lines = 0;
    int errorLines = 0;
    int withoutEvidence = 0;
    for (String file : files) {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(
          Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(file, false))),
          StandardCharsets.UTF_8))) {
        String text;
        long number = 0;
        while ((text = reader.readLine()) != null) {
          number++;
          lines++;
          JsonNode line = parse(file, number, text);
          if (!line.path("output").path("usersList").isArray() && line.path("error").isTextual()) {
            errorLines++;
            continue;
          }
          Optional<LineResult> result = score(file, number, line);
          if (result.isEmpty()) {
            withoutEvidence++;
          } else {
            results.add(result.get());
          }
        }
      }
    }
    Map<String, List<LineResult>> byKind = new TreeMap<>();
    results.forEach(r -> byKind.computeIfAbsent(r.queryKind(), k -> new ArrayList<>()).add(r));
    Map<String, Figures> figures = new LinkedHashMap<>();
    byKind.forEach((kind, kindResults) -> figures.put(kind, Figures.of(kindResults)));
    return new Report(lines, errorLines, withoutEvidence, Figures.of(results), figures, results);
  }

  private static JsonNode parse(String file, long number, String text) throws IOException {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IOException(file + ":" + number + ": not a batch segment output line", e);
    }
  }

  /** A line's figures, or empty when the truth has no evidence for its items. */
  private Optional<LineResult> score(String file, long number, JsonNode line) throws IOException {
    JsonNode users = line.path("output").path("usersList");
    if (!users.isArray()) {
      throw new IOException(file + ":" + number + ": has neither output.usersList nor an error");
    }
    JsonNode input = line.path("input");
    SegmentTruth.Line lineTruth;
    try {
      lineTruth = truth.forItems(queryItems.of(input));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ":" + number + ": " + e.getMessage(), e);
    }
    if (lineTruth.relevantCount() == 0) {
      return Optional.empty();
    }
    List<String> segment = new ArrayList<>();
    users.forEach(user -> segment.add(user.asText()));
    long hits = segment.stream().filter(lineTruth::isRelevant).count();
    String kind = input.has("itemId") ? "itemId" : "itemAttributes";
    return Optional.of(new LineResult(file, number, kind, segment.size(),
        segment.isEmpty() ? 0 : (double) hits / segment.size(), (double) hits / lineTruth.relevantCount(),
        lineTruth.lift(segment)));
  }

  private static double mean(double[] values) {
    return values.length == 0 ? 0 : Arrays.stream(values).sum() / values.length;
  }
}
