package io.segmentbeam.training;

/** Solves A x = b for a symmetric positive-definite A, given its lower triangle. */
final class Cholesky {
  private Cholesky() {}

  /**
   * Factors the lower triangle of {@code a} (row-major, n x n) into L in place, then overwrites
   * {@code b} with the solution. A matrix that is not positive definite (possible only with no
   * regularization) has its failing pivots clamped, giving a least-squares-like answer instead of NaN.
   */
  static void solveInPlace(double[] a, double[] b, int n) {
    for (int j = 0; j < n; j++) {
      double diagonal = a[j * n + j];
      for (int k = 0; k < j; k++) {
        diagonal -= a[j * n + k] * a[j * n + k];
      }
      double pivot = Math.sqrt(Math.max(diagonal, 1e-12));
      a[j * n + j] = pivot;
      for (int i = j + 1; i < n; i++) {
        double value = a[i * n + j];
        for (int k = 0; k < j; k++) {
          value -= a[i * n + k] * a[j * n + k];
        }
        a[i * n + j] = value / pivot;
      }
    }
    for (int i = 0; i < n; i++) {
      double value = b[i];
      for (int k = 0; k < i; k++) {
        value -= a[i * n + k] * b[k];
      }
      b[i] = value / a[i * n + i];
    }
    for (int i = n - 1; i >= 0; i--) {
      double value = b[i];
      for (int k = i + 1; k < n; k++) {
        value -= a[k * n + i] * b[k];
      }
      b[i] = value / a[i * n + i];
    }
  }
}
