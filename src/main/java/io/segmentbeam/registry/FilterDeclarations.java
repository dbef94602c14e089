package io.segmentbeam.registry;

import io.segmentbeam.api.ApiRules;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * Filters declared in a folder ({@code pipelines/filters/} by default), so that a sample request
 * with a {@code filterArn} runs as it is. Each {@code *.json} file holds CreateFilter's members
 * with the ARN the filter gets:
 *
 * <pre>{@code
 * {
 *   "filterArn": "arn:aws:personalize:us-east-1:123456789012:filter/gold-members",
 *   "datasetGroupArn": "arn:aws:personalize:us-east-1:123456789012:dataset-group/sample",
 *   "filterExpression": "INCLUDE UserID WHERE Users.MEMBERSHIP IN (\"gold\")"
 * }
 * }</pre>
 */
public final class FilterDeclarations {
  private final Map<String, Declared> byArn;

  private FilterDeclarations(Map<String, Declared> byArn) {
    this.byArn = byArn;
  }

  /** One declared filter. */
  public record Declared(String filterArn, String datasetGroupArn, String filterExpression) {}

  public static FilterDeclarations load(Path folder) {
    return new FilterDeclarations(Declarations.load(folder, "filter", Declared.class, FilterDeclarations::check,
        Declared::filterArn));
  }

  public Collection<Declared> filters() {
    return byArn.values();
  }

  private static Declared check(Path file, Declared declared) {
    for (String[] member : new String[][] {{"filterArn", declared.filterArn()},
        {"datasetGroupArn", declared.datasetGroupArn()}}) {
      if (!ApiRules.ARN.accepts(member[1])) {
        throw new IllegalArgumentException(file + ": \"" + member[0] + "\" must be a Personalize ARN, got " + member[1]);
      }
    }
    if (declared.filterExpression() == null || declared.filterExpression().isBlank()) {
      throw new IllegalArgumentException(file + ": \"filterExpression\" is required");
    }
    return declared;
  }
}
