package io.segmentbeam.model.kernel;

import java.util.Arrays;

/**
 * The best {@code k} (score, user index) pairs seen so far: a bounded min-heap whose root is the
 * worst kept pair, so a candidate that does not beat the root costs one comparison. Higher scores
 * rank first; equal scores rank the lower index (the smaller user id) first.
 */
public final class TopK {
  private final int capacity;
  private final float[] scores;
  private final int[] indexes;
  private int size;

  public TopK(int capacity) {
    this.capacity = capacity;
    this.scores = new float[capacity];
    this.indexes = new int[capacity];
  }

  /** The score a candidate must beat to enter once the heap is full. */
  public float threshold() {
    if (capacity == 0) {
      return Float.POSITIVE_INFINITY;
    }
    return size < capacity ? Float.NEGATIVE_INFINITY : scores[0];
  }

  public void offer(float score, int index) {
    if (size < capacity) {
      scores[size] = score;
      indexes[size] = index;
      siftUp(size++);
    } else if (capacity > 0 && ranksBefore(score, index, scores[0], indexes[0])) {
      scores[0] = score;
      indexes[0] = index;
      siftDown(0);
    }
  }

  /** The kept user indexes, best first. */
  public int[] bestFirst() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> ranksBefore(scores[a], indexes[a], scores[b], indexes[b]) ? -1
        : ranksBefore(scores[b], indexes[b], scores[a], indexes[a]) ? 1 : 0);
    int[] result = new int[size];
    for (int i = 0; i < size; i++) {
      result[i] = indexes[order[i]];
    }
    return result;
  }

  static boolean ranksBefore(float score, int index, float otherScore, int otherIndex) {
    return score > otherScore || (score == otherScore && index < otherIndex);
  }

  private void siftUp(int at) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (!ranksBefore(scores[parent], indexes[parent], scores[at], indexes[at])) {
        return;
      }
      swap(at, parent);
      at = parent;
    }
  }

  private void siftDown(int at) {
    while (true) {
      int worst = at;
      int left = 2 * at + 1;
      int right = left + 1;
      if (left < size && ranksBefore(scores[worst], indexes[worst], scores[left], indexes[left])) {
        worst = left;
      }
      if (right < size && ranksBefore(scores[worst], indexes[worst], scores[right], indexes[right])) {
        worst = right;
      }
      if (worst == at) {
        return;
      }
      swap(at, worst);
      at = worst;
    }
  }

  private void swap(int a, int b) {
    float s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    int i = indexes[a];
    indexes[a] = indexes[b];
    indexes[b] = i;
  }
}
