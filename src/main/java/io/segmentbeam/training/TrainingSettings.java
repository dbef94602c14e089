package io.segmentbeam.training;

import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.interactions.EventWeighting;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The algorithm hyperparameters local training understands, read from
 * {@code solutionConfig.algorithmHyperParameters} (all values are strings, as in the API):
 * {@code model} ({@code als}, {@code item-cooccurrence} or {@code popularity}), and for ALS
 * {@code factors}, {@code iterations}, {@code regularization}, {@code alpha}, {@code seed};
 * for every model {@code event_weights} ({@code click=1,purchase=4}).
 */
public record TrainingSettings(String model, int factors, int iterations, double regularization, double alpha,
    long seed, Map<String, Double> eventWeights) {

  public static final Set<String> MODELS = Set.of("als", "item-cooccurrence", "popularity");
  private static final String FIELD = "solutionConfig.algorithmHyperParameters.";
  private static final Map<String, String> DEFAULTS = Map.of("model", "als", "factors", "16", "iterations", "15",
      "regularization", "0.1", "alpha", "1", "seed", "42", "event_weights", "click=1,purchase=4,rating=1");
  /** The hyperparameters local training knows (those with a default), in name order; read only. */
  public static final SortedSet<String> NAMES = Collections.unmodifiableSortedSet(new TreeSet<>(DEFAULTS.keySet()));

  public static TrainingSettings from(Map<String, String> hyperParameters) {
    Map<String, String> values = new TreeMap<>(DEFAULTS);
    if (hyperParameters != null) {
      for (Map.Entry<String, String> entry : hyperParameters.entrySet()) {
        if (!DEFAULTS.containsKey(entry.getKey())) {
          throw invalid(entry.getKey(), entry.getValue(), "Unknown hyperparameter; known ones are " + NAMES);
        }
        values.put(entry.getKey(), entry.getValue());
      }
    }
    String model = values.get("model");
    if (!MODELS.contains(model)) {
      throw invalid("model", model, "Member must be one of " + new TreeSet<>(MODELS));
    }
    Map<String, Double> weights;
    try {
      weights = EventWeighting.parseWeights(values.get("event_weights"), FIELD + "event_weights");
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(e.getMessage());
    }
    return new TrainingSettings(model, integer(values, "factors", 1, 1000), integer(values, "iterations", 1, 1000),
        decimal(values, "regularization"), decimal(values, "alpha"), seed(values), weights);
  }

  /** The ALS settings, running on {@code threads} cores. */
  public ImplicitAls.Settings als(int threads) {
    return new ImplicitAls.Settings(factors, iterations, regularization, alpha, seed, threads);
  }

  private static int integer(Map<String, String> values, String name, int min, int max) {
    try {
      int value = Integer.parseInt(values.get(name).strip());
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(name, values.get(name), "Member must be a whole number from " + min + " to " + max);
  }

  private static double decimal(Map<String, String> values, String name) {
    try {
      double value = Double.parseDouble(values.get(name).strip());
      if (value >= 0 && Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(name, values.get(name), "Member must be a number of 0 or more");
  }

  private static long seed(Map<String, String> values) {
    try {
      return Long.parseLong(values.get("seed").strip());
    } catch (NumberFormatException e) {
      throw invalid("seed", values.get("seed"), "Member must be a whole number");
    }
  }

  private static InvalidInputException invalid(String name, String value, String constraint) {
    return new InvalidInputException("1 validation error detected: Value '" + value + "' at '" + FIELD + name
        + "' failed to satisfy constraint: " + constraint);
  }
}
