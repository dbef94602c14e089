package io.segmentbeam.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a segment's users spread over one Users field's bins, beside how the whole user base does.
 *
 * <p>{@code divergence} says how much the two differ: the total variation distance between the
 * two spreads, each bin's count taken as a share of the counts' sum, that is half the sum over
 * bins of the absolute difference of the shares. It is 0 when the segment looks like the user
 * base and 1 when they share no bin; it means the same for every kind of field, so fields can be
 * ordered by it.
 *
 * @param field the field and its bins, with the user base's count in each
 * @param segment the segment's users in each bin
 * @param segmentUsers users in the segment
 * @param divergence as above
 */
record FieldDistribution(UserBase.Field field, long[] segment, int segmentUsers, double divergence) {

  /** Every field of the user base for a segment, the most divergent first (ties by name). */
  static List<FieldDistribution> of(UserBase base, List<String> users) {
    List<FieldDistribution> fields = new ArrayList<>();
    for (int f = 0; f < base.fields().size(); f++) {
      UserBase.Field field = base.fields().get(f);
      long[] counts = new long[field.bins().size()];
      for (String user : users) {
        for (int bin : base.binsOf(f, user)) {
          counts[bin]++;
        }
      }
      fields.add(new FieldDistribution(field, counts, users.size(), totalVariation(counts, field.rows())));
    }
    fields.sort(Comparator.comparingDouble(FieldDistribution::divergence).reversed()
        .thenComparing(distribution -> distribution.field().name()));
    return fields;
  }

  private static double totalVariation(long[] a, long[] b) {
    double sumA = sum(a);
    double sumB = sum(b);
    if (sumA == 0 || sumB == 0) {
      return 0;
    }
    double distance = 0;
    for (int i = 0; i < a.length; i++) {
      distance += Math.abs(a[i] / sumA - b[i] / sumB);
    }
    return distance / 2;
  }

  private static double sum(long[] counts) {
    double sum = 0;
    for (long count : counts) {
      sum += count;
    }
    return sum;
  }
}
