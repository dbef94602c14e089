package io.segmentbeam.model;

import java.io.IOException;

/**
 * The model SPI. Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/io.segmentbeam.model.SegmentModelProvider} of any jar on the classpath
 * and a solution version can name its {@link #type()}; the pipeline needs no change.
 */
public interface SegmentModelProvider {

  /** The name a solution version declaration uses in {@code model.type}. */
  String type();

  /** Loads the model. Errors name the file and what is wrong with it. */
  SegmentModel load(ModelSpec spec) throws IOException;

  /**
   * Checks that the model can be loaded, reading as little of it as the provider can: what a job's
   * launcher does when the pipeline runs in other JVMs, which load the model themselves. By default
   * it loads the model. Errors name the file and what is wrong with it.
   */
  default void check(ModelSpec spec) throws IOException {
    load(spec);
  }

  /**
   * Into how many user shards ({@link ModelSpec#withUserShard}) the model must be split so that
   * each shard's user data fits {@code budgetBytes}; 1 for a model that is loaded whole. Models
   * whose users cannot be split say 1, and are loaded whole whatever the budget.
   */
  default int userShards(ModelSpec spec, long budgetBytes) throws IOException {
    return 1;
  }
}
