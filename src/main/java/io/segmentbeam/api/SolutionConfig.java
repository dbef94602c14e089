package io.segmentbeam.api;

import java.util.Map;

/**
 * The members of the API's SolutionConfig that local training uses. The others (HPO, AutoML,
 * feature transformation, auto-training) have no local meaning and are refused as unknown.
 *
 * @param eventValueThreshold only events whose EVENT_VALUE is at least this are used for training
 * @param algorithmHyperParameters the trainer's settings, names to values, all strings as in the API
 */
public record SolutionConfig(String eventValueThreshold, Map<String, String> algorithmHyperParameters) {

  void validate(Violations violations) {
    violations.string("solutionConfig.eventValueThreshold", eventValueThreshold, ApiRules.EVENT_VALUE_THRESHOLD,
        false);
    if (eventValueThreshold != null && !isNumber(eventValueThreshold)) {
      violations.add("solutionConfig.eventValueThreshold", eventValueThreshold, "Member must be a number");
    }
    if (algorithmHyperParameters == null) {
      return;
    }
    String field = "solutionConfig.algorithmHyperParameters";
    if (algorithmHyperParameters.size() > ApiRules.HYPER_PARAMETERS_MAX) {
      violations.add(field, "[" + algorithmHyperParameters.size() + " entries]",
          "Member must have length less than or equal to " + ApiRules.HYPER_PARAMETERS_MAX);
    }
    algorithmHyperParameters.forEach((name, value) -> {
      violations.string(field + ".key", name, ApiRules.PARAMETER_NAME, true);
      violations.string(field + "." + name, value, ApiRules.PARAMETER_VALUE, true);
    });
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
