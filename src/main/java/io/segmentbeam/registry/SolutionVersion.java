package io.segmentbeam.registry;

import io.segmentbeam.api.Recipe;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.model.ModelSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * A solution version as this installation knows it: its ARN, its recipe, the model behind it,
 * for Item-Attribute-Affinity the Items dataset its queries are matched against (else null), and
 * the offline metrics its training measured (empty when it was declared without them).
 */
public record SolutionVersion(String solutionVersionArn, Recipe recipe, ModelSpec model, DatasetFiles items,
    Map<String, Double> metrics) {

  public SolutionVersion {
    metrics = metrics == null ? Map.of() : new TreeMap<>(metrics);
  }
}
