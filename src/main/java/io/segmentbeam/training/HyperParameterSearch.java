package io.segmentbeam.training;

import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.api.SolutionConfig;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Hyperparameter optimization (performHPO): a random search over {@code hpoConfig}'s ranges, each
 * candidate trained on the held-out split's training events and scored by the objective's metric
 * on its held-out events ({@link SolutionMetrics}). The first candidate is the hyperparameters
 * given; the others draw each ranged hyperparameter uniformly from its range (an integer range's
 * whole numbers, a continuous range's interval, a categorical range's values), seeded by the
 * {@code seed} hyperparameter, so a search is repeatable.
 *
 * <p>{@code hpoObjective.metricName} is one of the metrics GetSolutionMetrics reports for the model
 * (default {@code precision_at_25}), {@code type} {@code Maximize} (default) or {@code Minimize};
 * {@code hpoResourceConfig.maxNumberOfTrainingJobs} is the number of candidates (default 8, at most
 * 50). Candidates train one after another, each with every core; {@code maxParallelTrainingJobs} is
 * kept as given.
 */
public final class HyperParameterSearch {
  public static final String DEFAULT_METRIC = "precision_at_25";
  public static final int DEFAULT_CANDIDATES = 8;
  public static final int MAX_CANDIDATES = 50;
  private static final String FIELD = "solutionConfig.hpoConfig.";

  /** The best candidate: its hyperparameters (as strings, as the API has them) and its metrics. */
  public record Best(Map<String, String> hyperParameters, Map<String, Double> metrics) {}

  private final Map<String, String> given;
  private final SolutionConfig.HpoConfig hpo;

  /**
   * @param given the solution's algorithmHyperParameters (may be null)
   * @param hpo the solution's hpoConfig (may be null: then only the given hyperparameters are tried)
   */
  public HyperParameterSearch(Map<String, String> given, SolutionConfig.HpoConfig hpo) {
    this.given = given == null ? Map.of() : given;
    this.hpo = hpo;
    check();
  }

  /** Throws InvalidInputException naming the member for an objective, count or range that cannot be searched. */
  private void check() {
    SolutionConfig.HyperParameterRanges ranges = hpo == null ? null : hpo.algorithmHyperParameterRanges();
    if (ranges != null && list(ranges.categoricalHyperParameterRanges()).stream()
        .anyMatch(range -> "event_weights".equals(range.name()))) {
      throw new InvalidInputException("1 validation error detected: Value event_weights at '" + FIELD
          + "algorithmHyperParameterRanges.categoricalHyperParameterRanges.member.name' failed to satisfy "
          + "constraint: event_weights cannot be searched: events are weighted once, as they are read");
    }
    if (ranges != null) {
      knownNames("integerHyperParameterRanges", list(ranges.integerHyperParameterRanges()).stream()
          .map(SolutionConfig.IntegerRange::name).toList());
      knownNames("continuousHyperParameterRanges", list(ranges.continuousHyperParameterRanges()).stream()
          .map(SolutionConfig.ContinuousRange::name).toList());
      knownNames("categoricalHyperParameterRanges", list(ranges.categoricalHyperParameterRanges()).stream()
          .map(SolutionConfig.CategoricalRange::name).toList());
    }
    metricName();
    maximize();
    candidates();
    for (Map<String, String> candidate : draw(new SplittableRandom(0), 2)) {
      settings(candidate);
    }
  }

  /** Measures every candidate on {@code heldOut}, the split every one of them trains and is scored on. */
  public Best search(SolutionMetrics heldOut, int threads, PrintWriter progress) {
    String metric = metricName();
    boolean maximize = maximize();
    List<Map<String, String>> candidates = draw(new SplittableRandom(settings(given).seed()), candidates());
    Best best = null;
    for (int k = 0; k < candidates.size(); k++) {
      Map<String, String> candidate = candidates.get(k);
      Map<String, Double> metrics = heldOut.measure(settings(candidate), threads,
          (iteration, iterations, loss, millis) -> { });
      double value = metrics.get(metric);
      progress.printf(Locale.ROOT, "hpo candidate %d/%d: %s = %.4f with %s%n", k + 1, candidates.size(), metric,
          value, candidate);
      double bestValue = best == null ? Double.NaN : best.metrics().get(metric);
      if (best == null || (maximize ? value > bestValue : value < bestValue)) {
        best = new Best(candidate, metrics);
      }
    }
    progress.printf(Locale.ROOT, "hpo chose %s%n", best.hyperParameters());
    return best;
  }

  /** The given hyperparameters, then candidates drawn from the ranges. */
  private List<Map<String, String>> draw(SplittableRandom random, int count) {
    List<Map<String, String>> candidates = new ArrayList<>();
    candidates.add(new TreeMap<>(given));
    SolutionConfig.HyperParameterRanges ranges = hpo == null ? null : hpo.algorithmHyperParameterRanges();
    if (ranges == null) {
      return candidates;
    }
    while (candidates.size() < count) {
      Map<String, String> candidate = new TreeMap<>(given);
      for (SolutionConfig.IntegerRange range : list(ranges.integerHyperParameterRanges())) {
        int min = range.minValue() == null ? 0 : range.minValue();
        int max = range.maxValue() == null ? min : range.maxValue();
        requireOrdered(range.name(), "integerHyperParameterRanges", min, max);
        candidate.put(range.name(), Integer.toString(min + random.nextInt(max - min + 1)));
      }
      for (SolutionConfig.ContinuousRange range : list(ranges.continuousHyperParameterRanges())) {
        double min = range.minValue() == null ? 0 : range.minValue();
        double max = range.maxValue() == null ? min : range.maxValue();
        requireOrdered(range.name(), "continuousHyperParameterRanges", min, max);
        candidate.put(range.name(), String.format(Locale.ROOT, "%.6g", min + (max - min) * random.nextDouble()));
      }
      for (SolutionConfig.CategoricalRange range : list(ranges.categoricalHyperParameterRanges())) {
        List<String> values = list(range.values());
        if (values.isEmpty()) {
          throw new InvalidInputException("1 validation error detected: Value [] at '" + FIELD
              + "algorithmHyperParameterRanges.categoricalHyperParameterRanges.member.values' failed to satisfy "
              + "constraint: Member must have at least one value");
        }
        candidate.put(range.name(), values.get(random.nextInt(values.size())));
      }
      candidates.add(candidate);
    }
    return candidates;
  }

  private static void knownNames(String kind, List<String> names) {
    for (String name : names) {
      if (!TrainingSettings.NAMES.contains(name)) {
        throw new InvalidInputException("1 validation error detected: Value '" + name + "' at '" + FIELD
            + "algorithmHyperParameterRanges." + kind + ".member.name' failed to satisfy constraint: Member must be "
            + "a hyperparameter SegmentBeam trains with: " + TrainingSettings.NAMES);
      }
    }
  }

  private static void requireOrdered(String name, String kind, double min, double max) {
    if (min > max) {
      throw new InvalidInputException("1 validation error detected: Value " + name + " at '" + FIELD
          + "algorithmHyperParameterRanges." + kind + ".member' failed to satisfy constraint: minValue must be at "
          + "most maxValue");
    }
  }

  /** A candidate's settings; a hyperparameter SegmentBeam does not know is refused by TrainingSettings. */
  private static TrainingSettings settings(Map<String, String> candidate) {
    return TrainingSettings.from(candidate);
  }

  private String metricName() {
    String name = hpo == null || hpo.hpoObjective() == null || hpo.hpoObjective().metricName() == null
        || hpo.hpoObjective().metricName().isEmpty() ? DEFAULT_METRIC : hpo.hpoObjective().metricName();
    List<String> known = new ArrayList<>(SolutionMetrics.MODEL_METRICS);
    if (!known.contains(name)) {
      throw new InvalidInputException("1 validation error detected: Value '" + name + "' at '" + FIELD
          + "hpoObjective.metricName' failed to satisfy constraint: Member must be one of " + known);
    }
    return name;
  }

  private boolean maximize() {
    String type = hpo == null || hpo.hpoObjective() == null ? null : hpo.hpoObjective().type();
    if (type == null || type.isEmpty() || type.equals("Maximize")) {
      return true;
    }
    if (type.equals("Minimize")) {
      return false;
    }
    throw new InvalidInputException("1 validation error detected: Value '" + type + "' at '" + FIELD
        + "hpoObjective.type' failed to satisfy constraint: Member must be Maximize or Minimize");
  }

  private int candidates() {
    String text = hpo == null || hpo.hpoResourceConfig() == null ? null
        : hpo.hpoResourceConfig().maxNumberOfTrainingJobs();
    if (text == null || text.isEmpty()) {
      return DEFAULT_CANDIDATES;
    }
    try {
      int count = Integer.parseInt(text.strip());
      if (count >= 1 && count <= MAX_CANDIDATES) {
        return count;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidInputException("1 validation error detected: Value '" + text + "' at '" + FIELD
        + "hpoResourceConfig.maxNumberOfTrainingJobs' failed to satisfy constraint: Member must be a whole number "
        + "from 1 to " + MAX_CANDIDATES);
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : list;
  }
}
