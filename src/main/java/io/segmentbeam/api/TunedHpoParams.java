package io.segmentbeam.api;

import java.util.Map;

/** The API's TunedHPOParams: the hyperparameters of the best model hyperparameter optimization found. */
public record TunedHpoParams(Map<String, String> algorithmHyperParameters) {}
