package io.segmentbeam.model.factors;

/** One line of a factor file: an id and its latent vector. */
record FactorRow(String id, float[] features) {}
