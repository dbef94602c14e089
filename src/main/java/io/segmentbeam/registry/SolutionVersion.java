package io.segmentbeam.registry;

import io.segmentbeam.api.Recipe;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.model.ModelSpec;

/**
 * A solution version as this installation knows it: its ARN, its recipe, the model behind it and,
 * for Item-Attribute-Affinity, the Items dataset its queries are matched against (else null).
 */
public record SolutionVersion(String solutionVersionArn, Recipe recipe, ModelSpec model, DatasetFiles items) {}
