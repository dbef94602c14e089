package io.segmentbeam.registry;

import io.segmentbeam.api.Recipe;
import io.segmentbeam.model.ModelSpec;

/** A solution version as this installation knows it: its ARN, its recipe and the model behind it. */
public record SolutionVersion(String solutionVersionArn, Recipe recipe, ModelSpec model) {}
