package io.segmentbeam.api;

import java.util.List;

/** The CreateFilter request, field for field. */
public record CreateFilterRequest(String datasetGroupArn, String filterExpression, String name, List<Tag> tags) {

  /**
   * Only the expression's upper length bound is left to the filter parser, whose message says at
   * which character the expression overruns it.
   */
  private static final StringRule EXPRESSION_PRESENT =
      new StringRule(ApiRules.FILTER_EXPRESSION.shape(), ApiRules.FILTER_EXPRESSION.min(), Integer.MAX_VALUE, null);

  /** Checks every field against the API model; the expression itself is checked by the filter parser. */
  public void validate() {
    Violations violations = new Violations()
        .string("name", name, ApiRules.NAME, true)
        .string("datasetGroupArn", datasetGroupArn, ApiRules.ARN, true)
        .string("filterExpression", filterExpression, EXPRESSION_PRESENT, true);
    Tag.validateAll(tags, violations);
    violations.throwIfAny();
  }
}
