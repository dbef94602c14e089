package io.segmentbeam.model.factors;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Vectors by id, stored as one row-major float array in ascending id order, so that a row's
 * index orders the same way as its id. An id is found by binary search over the sorted ids: no
 * hash map of millions of entries to build at load (seconds) or to hold (tens of bytes a user).
 */
public final class FactorTable {
  private final String[] ids;
  private final float[] vectors;
  private final int dimensions;

  private FactorTable(String[] ids, float[] vectors, int dimensions) {
    this.ids = ids;
    this.vectors = vectors;
    this.dimensions = dimensions;
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
    int index = Arrays.binarySearch(ids, id);
    return index >= 0 ? index : -1;
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
