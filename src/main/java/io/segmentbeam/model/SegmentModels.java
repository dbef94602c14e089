package io.segmentbeam.model;

import io.segmentbeam.sharing.JobShared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds model providers by type and keeps each loaded model once per JVM, so that every thread
 * and every DoFn instance of a worker shares one copy, for as long as a job holds it.
 */
public final class SegmentModels {
  private static final JobShared<ModelSpec, SegmentModel> LOADED = new JobShared<>(ModelSpec::whole);

  private SegmentModels() {}

  /**
   * The model for a spec, loading it on first use in this JVM. A user shard evicts the other
   * shards of its model, so that a worker holds one shard's vectors at a time.
   */
  public static SegmentModel shared(ModelSpec spec) {
    if (!spec.whole().equals(spec)) {
      LOADED.keepOnly(spec);
    }
    return LOADED.get(spec, s -> {
      try {
        return provider(s.type()).load(s);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the " + s.type() + " model: " + e.getMessage(), e);
      }
    });
  }

  /** Keeps the model (all its user shards) loaded for a job until the hold is closed. */
  public static JobShared.Hold hold(ModelSpec spec) {
    return LOADED.hold(spec);
  }

  /** The provider of a model type. */
  public static SegmentModelProvider provider(String type) {
    Map<String, SegmentModelProvider> providers = providers();
    SegmentModelProvider provider = providers.get(type);
    if (provider == null) {
      throw new IllegalArgumentException(
          "no model provider of type \"" + type + "\" on the classpath; known types: " + providers.keySet());
    }
    return provider;
  }

  private static Map<String, SegmentModelProvider> providers() {
    Map<String, SegmentModelProvider> byType = new TreeMap<>();
    for (SegmentModelProvider provider : ServiceLoader.load(SegmentModelProvider.class)) {
      byType.put(provider.type(), provider);
    }
    return byType;
  }
}
