package io.segmentbeam.sharing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values too large to load twice (models, catalogs), loaded once per JVM and shared by every
 * thread and job that asks for the same key, and dropped when the last job that holds them ends,
 * so that a long-running service keeps only what its running jobs use. A value loaded where no
 * job holds it (a worker of another JVM) stays for that JVM's life.
 *
 * @param <K> what identifies a value; values whose keys share a group are held and dropped together
 */
public final class JobShared<K, V> {
  private final Map<K, V> loaded = new ConcurrentHashMap<>();
  private final Map<K, Integer> holders = new HashMap<>();
  private final Function<K, K> group;

  /** @param group the group of a key, e.g. the whole model of one of its user shards */
  public JobShared(Function<K, K> group) {
    this.group = group;
  }

  /** The value of {@code key}, loaded by {@code load} on first use. */
  public V get(K key, Function<K, V> load) {
    return loaded.computeIfAbsent(key, load);
  }

  /** Drops the other values of {@code key}'s group, e.g. the other user shards of a model. */
  public void keepOnly(K key) {
    K keyGroup = group.apply(key);
    loaded.keySet().removeIf(other -> !other.equals(key) && group.apply(other).equals(keyGroup));
  }

  /** Holds the values of {@code key}'s group for a job until the returned hold is closed. */
  public synchronized Hold hold(K key) {
    K keyGroup = group.apply(key);
    holders.merge(keyGroup, 1, Integer::sum);
    return () -> release(keyGroup);
  }

  private synchronized void release(K keyGroup) {
    if (holders.merge(keyGroup, -1, Integer::sum) > 0) {
      return;
    }
    holders.remove(keyGroup);
    loaded.keySet().removeIf(key -> group.apply(key).equals(keyGroup));
  }

  /** A job's hold on shared values; closing it lets them go once no other job holds them. */
  public interface Hold extends AutoCloseable {
    @Override
    void close();
  }
}
