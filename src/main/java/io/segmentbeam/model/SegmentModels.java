package io.segmentbeam.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds model providers by type and keeps each loaded model once per JVM, so that every thread
 * and every DoFn instance of a worker shares one copy.
 */
public final class SegmentModels {
  private static final Map<ModelSpec, SegmentModel> LOADED = new ConcurrentHashMap<>();

  private SegmentModels() {}

  /**
   * The model for a spec, loading it on first use in this JVM. A user shard evicts the other
   * shards of its model, so that a worker holds one shard's vectors at a time.
   */
  public static SegmentModel shared(ModelSpec spec) {
    if (!spec.whole().equals(spec)) {
      LOADED.keySet().removeIf(loaded -> !loaded.equals(spec) && loaded.whole().equals(spec.whole()));
    }
    return LOADED.computeIfAbsent(spec, s -> {
      try {
        return provider(s.type()).load(s);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot load the " + s.type() + " model: " + e.getMessage(), e);
      }
    });
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
