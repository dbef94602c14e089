package io.segmentbeam.api;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The API's SolutionConfig, every member, each checked against the API model's bounds. Local
 * training uses {@code eventValueThreshold}, {@code algorithmHyperParameters}, {@code eventsConfig}
 * (which event types count and how much) and, with performHPO, {@code hpoConfig}; the other
 * members are kept and described back as given (see README, Training).
 *
 * @param eventValueThreshold only events whose EVENT_VALUE is at least this are used for training
 * @param algorithmHyperParameters the trainer's settings, names to values, all strings as in the API
 */
public record SolutionConfig(String eventValueThreshold, HpoConfig hpoConfig,
    Map<String, String> algorithmHyperParameters, Map<String, String> featureTransformationParameters,
    AutoMlConfig autoMLConfig, EventsConfig eventsConfig, OptimizationObjective optimizationObjective,
    TrainingDataConfig trainingDataConfig, AutoTrainingConfig autoTrainingConfig) {

  private static final int LIST_MAX = 100;
  private static final Pattern SCHEDULE = Pattern.compile("rate\\(\\d+ days?\\)");
  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z\\d_]*");
  private static final Pattern DATASET_TYPE_KEY = Pattern.compile("^[A-Za-z_]+$");
  private static final List<String> SENSITIVITIES = List.of("LOW", "MEDIUM", "HIGH", "OFF");
  private static final String FIELD = "solutionConfig.";

  /** The API's HPOConfig: what hyperparameter optimization maximizes or minimizes, over which ranges. */
  public record HpoConfig(HpoObjective hpoObjective, HpoResourceConfig hpoResourceConfig,
      HyperParameterRanges algorithmHyperParameterRanges) {}

  /** @param type {@code Maximize} or {@code Minimize} */
  public record HpoObjective(String type, String metricName, String metricRegex) {}

  /** Both counts are strings in the API. */
  public record HpoResourceConfig(String maxNumberOfTrainingJobs, String maxParallelTrainingJobs) {}

  public record HyperParameterRanges(List<IntegerRange> integerHyperParameterRanges,
      List<ContinuousRange> continuousHyperParameterRanges, List<CategoricalRange> categoricalHyperParameterRanges) {}

  public record IntegerRange(String name, Integer minValue, Integer maxValue) {}

  public record ContinuousRange(String name, Double minValue, Double maxValue) {}

  public record CategoricalRange(String name, List<String> values) {}

  public record AutoMlConfig(String metricName, List<String> recipeList) {}

  public record EventsConfig(List<EventParameters> eventParametersList) {}

  /** One event type's share of training: its EVENT_VALUE threshold and its weight (0 to 1). */
  public record EventParameters(String eventType, Double eventValueThreshold, Double weight) {}

  public record OptimizationObjective(String itemAttribute, String objectiveSensitivity) {}

  public record TrainingDataConfig(Map<String, List<String>> excludedDatasetColumns,
      Map<String, List<String>> includedDatasetColumns) {}

  public record AutoTrainingConfig(String schedulingExpression) {}

  /** Only {@code algorithmHyperParameters} given: what SegmentBeam's one-step request and the tests build. */
  public static SolutionConfig ofHyperParameters(Map<String, String> algorithmHyperParameters) {
    return new SolutionConfig(null, null, algorithmHyperParameters, null, null, null, null, null, null);
  }

  void validate(Violations violations) {
    violations.string(FIELD + "eventValueThreshold", eventValueThreshold, ApiRules.EVENT_VALUE_THRESHOLD, false);
    if (eventValueThreshold != null && !isNumber(eventValueThreshold)) {
      violations.add(FIELD + "eventValueThreshold", eventValueThreshold, "Member must be a number");
    }
    parameters(violations, "algorithmHyperParameters", algorithmHyperParameters);
    parameters(violations, "featureTransformationParameters", featureTransformationParameters);
    if (hpoConfig != null) {
      validate(violations, hpoConfig);
    }
    if (autoMLConfig != null) {
      violations.string(FIELD + "autoMLConfig.metricName", autoMLConfig.metricName(), ApiRules.METRIC_NAME, false);
      List<String> recipes = listOrEmpty(autoMLConfig.recipeList());
      count(violations, "autoMLConfig.recipeList", recipes, LIST_MAX);
      recipes.forEach(arn -> violations.string(FIELD + "autoMLConfig.recipeList.member", arn, ApiRules.ARN, true));
    }
    if (eventsConfig != null) {
      List<EventParameters> events = listOrEmpty(eventsConfig.eventParametersList());
      count(violations, "eventsConfig.eventParametersList", events, 10);
      for (EventParameters event : events) {
        String field = FIELD + "eventsConfig.eventParametersList.member.";
        violations.string(field + "eventType", event.eventType(), ApiRules.EVENT_TYPE, true);
        if (event.weight() != null && !(event.weight() >= 0 && event.weight() <= 1)) {
          violations.add(field + "weight", event.weight(), "Member must have value between 0 and 1");
        }
      }
    }
    if (optimizationObjective != null) {
      String itemAttribute = optimizationObjective.itemAttribute();
      if (itemAttribute != null && (itemAttribute.isEmpty() || itemAttribute.length() > 150)) {
        violations.add(FIELD + "optimizationObjective.itemAttribute", itemAttribute,
            "Member must have length between 1 and 150");
      }
      violations.oneOf(FIELD + "optimizationObjective.objectiveSensitivity",
          optimizationObjective.objectiveSensitivity(), SENSITIVITIES);
    }
    if (trainingDataConfig != null) {
      columns(violations, "trainingDataConfig.excludedDatasetColumns", trainingDataConfig.excludedDatasetColumns());
      columns(violations, "trainingDataConfig.includedDatasetColumns", trainingDataConfig.includedDatasetColumns());
    }
    if (autoTrainingConfig != null && autoTrainingConfig.schedulingExpression() != null) {
      String schedule = autoTrainingConfig.schedulingExpression();
      if (schedule.isEmpty() || schedule.length() > 16 || !SCHEDULE.matcher(schedule).matches()) {
        violations.add(FIELD + "autoTrainingConfig.schedulingExpression", schedule,
            "Member must satisfy regular expression pattern: " + SCHEDULE.pattern());
      }
    }
  }

  private static void validate(Violations violations, HpoConfig hpo) {
    String field = FIELD + "hpoConfig.";
    if (hpo.hpoObjective() != null) {
      violations.string(field + "hpoObjective.type", hpo.hpoObjective().type(), ApiRules.METRIC_NAME, false)
          .string(field + "hpoObjective.metricName", hpo.hpoObjective().metricName(), ApiRules.METRIC_NAME, false)
          .string(field + "hpoObjective.metricRegex", hpo.hpoObjective().metricRegex(), ApiRules.METRIC_NAME, false);
    }
    if (hpo.hpoResourceConfig() != null) {
      violations.string(field + "hpoResourceConfig.maxNumberOfTrainingJobs",
              hpo.hpoResourceConfig().maxNumberOfTrainingJobs(), ApiRules.METRIC_NAME, false)
          .string(field + "hpoResourceConfig.maxParallelTrainingJobs",
              hpo.hpoResourceConfig().maxParallelTrainingJobs(), ApiRules.METRIC_NAME, false);
    }
    HyperParameterRanges ranges = hpo.algorithmHyperParameterRanges();
    if (ranges == null) {
      return;
    }
    String rangesField = field + "algorithmHyperParameterRanges.";
    count(violations, "hpoConfig.algorithmHyperParameterRanges.integerHyperParameterRanges",
        listOrEmpty(ranges.integerHyperParameterRanges()), LIST_MAX);
    for (IntegerRange range : listOrEmpty(ranges.integerHyperParameterRanges())) {
      String member = rangesField + "integerHyperParameterRanges.member.";
      violations.string(member + "name", range.name(), ApiRules.PARAMETER_NAME, false)
          .range(member + "minValue", range.minValue(), -1_000_000, Integer.MAX_VALUE)
          .range(member + "maxValue", range.maxValue(), Integer.MIN_VALUE, 1_000_000);
    }
    count(violations, "hpoConfig.algorithmHyperParameterRanges.continuousHyperParameterRanges",
        listOrEmpty(ranges.continuousHyperParameterRanges()), LIST_MAX);
    for (ContinuousRange range : listOrEmpty(ranges.continuousHyperParameterRanges())) {
      String member = rangesField + "continuousHyperParameterRanges.member.";
      violations.string(member + "name", range.name(), ApiRules.PARAMETER_NAME, false);
      atLeast(violations, member + "minValue", range.minValue(), -1_000_000);
      atLeast(violations, member + "maxValue", range.maxValue(), -1_000_000);
    }
    count(violations, "hpoConfig.algorithmHyperParameterRanges.categoricalHyperParameterRanges",
        listOrEmpty(ranges.categoricalHyperParameterRanges()), LIST_MAX);
    for (CategoricalRange range : listOrEmpty(ranges.categoricalHyperParameterRanges())) {
      String member = rangesField + "categoricalHyperParameterRanges.member.";
      violations.string(member + "name", range.name(), ApiRules.PARAMETER_NAME, false);
      count(violations, "hpoConfig.algorithmHyperParameterRanges.categoricalHyperParameterRanges.member.values",
          listOrEmpty(range.values()), LIST_MAX);
      listOrEmpty(range.values()).forEach(value -> violations.string(member + "values.member", value,
          ApiRules.CATEGORICAL_VALUE, true));
    }
  }

  private static void atLeast(Violations violations, String field, Double value, double min) {
    if (value != null && !(value >= min)) {
      violations.add(field, value, "Member must have value greater than or equal to " + (long) min);
    }
  }

  private static void parameters(Violations violations, String name, Map<String, String> parameters) {
    if (parameters == null) {
      return;
    }
    String field = FIELD + name;
    if (parameters.size() > ApiRules.HYPER_PARAMETERS_MAX) {
      violations.add(field, "[" + parameters.size() + " entries]",
          "Member must have length less than or equal to " + ApiRules.HYPER_PARAMETERS_MAX);
    }
    parameters.forEach((key, value) -> {
      violations.string(field + ".key", key, ApiRules.PARAMETER_NAME, true);
      violations.string(field + "." + key, value, ApiRules.PARAMETER_VALUE, true);
    });
  }

  private static void columns(Violations violations, String name, Map<String, List<String>> byDatasetType) {
    if (byDatasetType == null) {
      return;
    }
    String field = FIELD + name;
    if (byDatasetType.size() > 3) {
      violations.add(field, "[" + byDatasetType.size() + " entries]", "Member must have length less than or equal "
          + "to 3");
    }
    byDatasetType.forEach((type, columns) -> {
      if (type.length() > 256 || !DATASET_TYPE_KEY.matcher(type).matches()) {
        violations.add(field + ".key", type, "Member must satisfy regular expression pattern: "
            + DATASET_TYPE_KEY.pattern());
      }
      count(violations, name + "." + type, listOrEmpty(columns), 50);
      for (String column : listOrEmpty(columns)) {
        if (column == null || column.length() > 150 || !COLUMN.matcher(column).matches()) {
          violations.add(field + "." + type + ".member", column, "Member must satisfy regular expression pattern: "
              + COLUMN.pattern());
        }
      }
    });
  }

  private static void count(Violations violations, String name, List<?> list, int max) {
    if (list.size() > max) {
      violations.add(FIELD + name, "[" + list.size() + " members]", "Member must have length less than or equal to "
          + max);
    }
  }

  private static <T> List<T> listOrEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }

  private static boolean isNumber(String text) {
    try {
      Double.parseDouble(text.strip());
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
