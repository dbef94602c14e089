package io.segmentbeam.model;

import io.segmentbeam.api.DataLocations;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which model implementation to load and with what settings, as a solution version declares it.
 * Serializable so that pipelines carry it to workers, where the model itself is loaded.
 *
 * @param type the provider's name, e.g. {@code latent-factors}
 * @param baseLocation the folder relative locations in {@code settings} are resolved against
 * @param settings the provider's own settings, e.g. the factor file locations
 */
public record ModelSpec(String type, String baseLocation, Map<String, String> settings) implements Serializable {

  public ModelSpec {
    settings = new TreeMap<>(settings);
  }

  /** Settings that name a share of the users: which one, and of how many. */
  public static final String USER_SHARD = "userShard";
  public static final String USER_SHARDS = "userShards";

  /** The same model, holding only shard {@code shard} of {@code shards} of its users (in id order). */
  public ModelSpec withUserShard(int shard, int shards) {
    Map<String, String> sharded = new TreeMap<>(settings);
    sharded.put(USER_SHARD, Integer.toString(shard));
    sharded.put(USER_SHARDS, Integer.toString(shards));
    return new ModelSpec(type, baseLocation, sharded);
  }

  /** The spec of the whole model this one is a shard of (itself when it is not). */
  public ModelSpec whole() {
    Map<String, String> whole = new TreeMap<>(settings);
    whole.remove(USER_SHARD);
    whole.remove(USER_SHARDS);
    return new ModelSpec(type, baseLocation, whole);
  }

  /** A setting the provider cannot do without. */
  public String required(String key) {
    String value = settings.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("model \"" + type + "\" needs the setting \"" + key + "\"");
    }
    return value;
  }

  /** A required setting that names a file or folder, resolved against the declaring file's folder. */
  public String location(String key) {
    return resolve(required(key));
  }

  /** A location resolved against the declaring file's folder; absolute paths and URIs stay as they are. */
  public String resolve(String value) {
    return DataLocations.resolve(baseLocation, value);
  }
}
