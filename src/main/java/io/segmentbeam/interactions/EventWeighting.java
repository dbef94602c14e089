package io.segmentbeam.interactions;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which events count and how much: an event's weight is its type's weight (1 unless set) times its
 * EVENT_VALUE when it has one. Event types compare without regard to case.
 *
 * @param eventType only events of this type count (CreateSolution's {@code eventType}), or null for all
 * @param valueThreshold events whose EVENT_VALUE is below it are left out (SolutionConfig's
 *     {@code eventValueThreshold}); events without a value are kept; null for none
 * @param typeWeights weight by lower-case event type
 * @param typeThresholds a threshold like {@code valueThreshold} for one lower-case event type
 *     (SolutionConfig's {@code eventsConfig}), applied as well
 * @param listedTypesOnly only the types {@code typeWeights} lists count (as with {@code eventsConfig})
 */
public record EventWeighting(String eventType, Double valueThreshold, Map<String, Double> typeWeights,
    Map<String, Double> typeThresholds, boolean listedTypesOnly) implements Serializable {

  public static final EventWeighting ALL_EQUAL = of(null, null, Map.of());

  public EventWeighting {
    typeWeights = new TreeMap<>(typeWeights);
    typeThresholds = new TreeMap<>(typeThresholds);
  }

  /** Every event type counts, weighted by {@code typeWeights} (1 for types it does not list). */
  public static EventWeighting of(String eventType, Double valueThreshold, Map<String, Double> typeWeights) {
    return new EventWeighting(eventType, valueThreshold, typeWeights, Map.of(), false);
  }

  /**
   * Parses {@code click=1,purchase=4,rating=0.5}; the message of a bad entry names {@code setting}.
   */
  public static Map<String, Double> parseWeights(String text, String setting) {
    return parseByType(text, setting, true);
  }

  /**
   * {@code TYPE=NUMBER} entries by lower-case type: weights (0 or more), or EVENT_VALUE thresholds
   * (any number); the message of a bad entry names {@code setting}.
   */
  private static Map<String, Double> parseByType(String text, String setting, boolean weights) {
    Map<String, Double> byType = new TreeMap<>();
    if (text == null || text.isBlank()) {
      return byType;
    }
    for (String entry : text.split(",")) {
      String[] parts = entry.split("=", 2);
      try {
        double number = Double.parseDouble(parts[1].strip());
        if (parts[0].isBlank() || !Double.isFinite(number) || weights && number < 0) {
          throw new NumberFormatException();
        }
        byType.put(parts[0].strip().toLowerCase(Locale.ROOT), number);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(setting + ": \"" + entry.strip() + (weights
            ? "\" is not TYPE=WEIGHT with a weight of 0 or more, e.g. click=1,purchase=4"
            : "\" is not TYPE=THRESHOLD, e.g. rating=3"));
      }
    }
    return byType;
  }

  /** As model settings, the form {@link #fromSettings} reads back. */
  public Map<String, String> toSettings() {
    Map<String, String> settings = new TreeMap<>();
    if (eventType != null) {
      settings.put("eventType", eventType);
    }
    if (valueThreshold != null) {
      settings.put("eventValueThreshold", valueThreshold.toString());
    }
    settings.put("eventWeights", joined(typeWeights));
    if (!typeThresholds.isEmpty()) {
      settings.put("eventThresholds", joined(typeThresholds));
    }
    if (listedTypesOnly) {
      settings.put("listedEventTypesOnly", "true");
    }
    return settings;
  }

  private static String joined(Map<String, Double> byType) {
    StringBuilder joined = new StringBuilder();
    byType.forEach((type, value) -> joined.append(joined.length() == 0 ? "" : ",").append(type).append('=')
        .append(value));
    return joined.toString();
  }

  /** Reads the weighting a model declaration carries (see {@link #toSettings}). */
  public static EventWeighting fromSettings(Map<String, String> settings) {
    String threshold = settings.get("eventValueThreshold");
    return new EventWeighting(settings.get("eventType"), threshold == null ? null : Double.valueOf(threshold),
        parseWeights(settings.get("eventWeights"), "eventWeights"),
        parseByType(settings.get("eventThresholds"), "eventThresholds", false),
        Boolean.parseBoolean(settings.get("listedEventTypesOnly")));
  }

  /** The event's weight, or 0 when the event does not count. */
  float weight(String type, Double value) {
    String lower = type == null ? null : type.toLowerCase(Locale.ROOT);
    if (eventType != null && !eventType.equalsIgnoreCase(type)) {
      return 0;
    }
    if (valueThreshold != null && value != null && value < valueThreshold) {
      return 0;
    }
    if (lower != null && value != null && value < typeThresholds.getOrDefault(lower, Double.NEGATIVE_INFINITY)) {
      return 0;
    }
    if (listedTypesOnly && (lower == null || !typeWeights.containsKey(lower))) {
      return 0;
    }
    double typeWeight = lower == null ? 1 : typeWeights.getOrDefault(lower, 1.0);
    return (float) (typeWeight * (value == null ? 1 : value));
  }
}
