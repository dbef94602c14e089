package io.segmentbeam.model.kernel;

import java.util.Arrays;

/**
 * The best {@code k} (score, user index) pairs seen so far. Higher scores rank first; equal
 * scores rank the lower index (the smaller user id) first. Each pair is one {@code long} whose
 * natural order is that ranking, so candidates are appended to a buffer of {@code 2k} and, when it
 * fills, a selection keeps the best {@code k}: a candidate costs amortized O(1) with no pointer
 * chasing, and one that does not beat the k-th kept pair costs one comparison. (A larger buffer
 * trims less often but lets the threshold lag, so more candidates get through; on the benchmark,
 * 2k beat 1.25k, 1.5k, 3k, 4k and 8k, and a binary heap with an exact threshold.)
 */
public final class TopK {
  private final int capacity;
  private long[] keys;
  private int size;
  /** The k-th best key once the buffer has been trimmed; candidates must rank before it. */
  private long worstKept = Long.MAX_VALUE;
  private float worstScore = Float.NEGATIVE_INFINITY;

  public TopK(int capacity) {
    this.capacity = capacity;
    this.keys = new long[Math.max(16, 2 * capacity)];
  }

  /**
   * A score that a candidate must exceed to enter, for callers that offer users in ascending
   * index order (an equal score then never ranks before a kept one).
   */
  public float threshold() {
    return capacity == 0 ? Float.POSITIVE_INFINITY : worstScore;
  }

  /** Whether {@code k} pairs have been offered that entered: the top is then the best k of them. */
  public boolean full() {
    return size >= capacity;
  }

  public void offer(float score, int index) {
    offerKey(key(score, index));
  }

  /** Offers every pair another one kept: merging per-thread tops gives the top of all. */
  public void offerAll(TopK other) {
    for (int i = 0; i < other.size; i++) {
      offerKey(other.keys[i]);
    }
  }

  /** The kept user indexes, best first. */
  public int[] bestFirst() {
    return ranked().users();
  }

  /** The kept user indexes and their scores, best first. */
  public Ranked ranked() {
    trim();
    Arrays.sort(keys, 0, size);
    int[] users = new int[size];
    float[] scores = new float[size];
    for (int i = 0; i < size; i++) {
      users[i] = (int) keys[i];
      scores[i] = score(keys[i]);
    }
    return new Ranked(users, scores);
  }

  private void offerKey(long key) {
    if (capacity == 0 || key >= worstKept) {
      return;
    }
    keys[size++] = key;
    // The first k candidates already give a threshold; after that, trim when the buffer fills.
    if (size == keys.length || size == capacity && worstKept == Long.MAX_VALUE) {
      trim();
    }
  }

  /** Keeps the best {@code capacity} keys, unordered: a selection, linear in the buffer's size. */
  private void trim() {
    if (size < capacity) {
      return;
    }
    select(keys, 0, size - 1, capacity - 1);
    size = capacity;
    long worst = keys[0];
    for (int i = 1; i < size; i++) {
      worst = Math.max(worst, keys[i]);
    }
    worstKept = worst;
    worstScore = score(worst);
  }

  /** Moves the n-th smallest key of {@code a[from..to]} to index n, smaller ones before it (Hoare's quickselect). */
  private static void select(long[] a, int from, int to, int n) {
    while (from < to) {
      long pivot = median(a[from], a[(from + to) >>> 1], a[to]);
      int i = from;
      int j = to;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i++] = a[j];
          a[j--] = t;
        }
      }
      if (n <= j) {
        to = j;
      } else if (n >= i) {
        from = i;
      } else {
        return;
      }
    }
  }

  private static long median(long a, long b, long c) {
    return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
  }

  /**
   * The high half orders scores descending (IEEE bits made monotonic, then inverted; -0 counted
   * as 0), the low half indexes ascending, so ascending keys rank best first.
   */
  static long key(float score, int index) {
    int bits = Float.floatToRawIntBits(score + 0.0f);
    int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
    return (long) ~ascending << 32 | (index & 0xffffffffL);
  }

  private static float score(long key) {
    int ascending = ~(int) (key >> 32);
    return Float.intBitsToFloat(ascending ^ ((ascending >> 31) & 0x7fffffff));
  }
}
