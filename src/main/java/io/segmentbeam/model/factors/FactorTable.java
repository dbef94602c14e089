package io.segmentbeam.model.factors;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Vectors by id, stored as one row-major float array in ascending id order, so that a row's
 * index orders the same way as its id. Ids are found through an open-addressing table of row
 * numbers keyed by the ids' hash codes, built on the first lookup: a job without a filter looks up
 * no users and never builds it, and a filter looks up every user of a Users dataset, where a
 * {@code HashMap} of millions of boxed entries took seconds to build and this table a fraction.
 */
public final class FactorTable {
  private final String[] ids;
  private final float[] vectors;
  private final int dimensions;
  /**
   * Row number plus one at each id's slot (0: empty); its length is a power of two, at least twice
   * the rows. Null until the first lookup; a race builds equal tables, any of which serves.
   */
  private volatile int[] slots;

  private FactorTable(String[] ids, float[] vectors, int dimensions) {
    this.ids = ids;
    this.vectors = vectors;
    this.dimensions = dimensions;
  }

  private static int[] slots(String[] ids) {
    int[] slots = new int[Integer.highestOneBit(Math.max(1, ids.length)) << 2];
    int mask = slots.length - 1;
    for (int row = 0; row < ids.length; row++) {
      int slot = spread(ids[row].hashCode()) & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = row + 1;
    }
    return slots;
  }

  /** Mixes a hash code's bits, so that ids alike in their last characters do not crowd together. */
  private static int spread(int hash) {
    int mixed = hash * 0x9E3779B9;
    return mixed ^ (mixed >>> 16);
  }

  /**
   * The same ids without their vectors, for a table whose vectors now live elsewhere (the user
   * vectors, once the scoring kernel has packed its own copy): half the memory of a large model.
   */
  FactorTable idsOnly() {
    return new FactorTable(ids, new float[0], dimensions);
  }

  /** A table of ids already in ascending order, each with its row of {@code vectors}. */
  static FactorTable ofSorted(String[] ids, float[] vectors, int dimensions) {
    return new FactorTable(ids, vectors, dimensions);
  }

  static FactorTable of(List<FactorRow> rows, int dimensions) {
    FactorRow[] sorted = rows.toArray(FactorRow[]::new);
    Arrays.sort(sorted, Comparator.comparing(FactorRow::id));
    String[] ids = new String[sorted.length];
    float[] vectors = new float[sorted.length * dimensions];
    for (int i = 0; i < sorted.length; i++) {
      ids[i] = sorted[i].id();
      System.arraycopy(sorted[i].features(), 0, vectors, i * dimensions, dimensions);
    }
    return new FactorTable(ids, vectors, dimensions);
  }

  public int size() {
    return ids.length;
  }

  public int dimensions() {
    return dimensions;
  }

  public String id(int index) {
    return ids[index];
  }

  public boolean contains(String id) {
    return indexOf(id) >= 0;
  }

  /** The index of {@code id}, or -1 if it has no vector. */
  public int indexOf(String id) {
    int[] slots = this.slots;
    if (slots == null) {
      slots = slots(ids);
      this.slots = slots;
    }
    int mask = slots.length - 1;
    for (int slot = spread(id.hashCode()) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      if (ids[slots[slot] - 1].equals(id)) {
        return slots[slot] - 1;
      }
    }
    return -1;
  }

  /** The {@code f}-th value of the vector at {@code index}. */
  public float value(int index, int f) {
    return vectors[index * dimensions + f];
  }

  /** Adds the vector of {@code id} to {@code sum}. */
  void addVector(String id, float[] sum) {
    int offset = indexOf(id) * dimensions;
    for (int f = 0; f < dimensions; f++) {
      sum[f] += vectors[offset + f];
    }
  }

  /** All vectors, row after row; shared, not copied. */
  float[] rows() {
    return vectors;
  }
}
