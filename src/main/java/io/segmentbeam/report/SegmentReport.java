package io.segmentbeam.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a job's segments show, computed from its output lines: how many lines were served and how
 * many failed (errors grouped by message), each segment's size, how much segments overlap
 * (Jaccard: shared users over users in either), and the users in the most segments.
 */
public final class SegmentReport {
  /** Segments compared pairwise in the overlap heat map: 60 x 60 cells stay legible and quick to draw. */
  public static final int OVERLAP_LINES = 60;
  /** Users listed among those in the most segments. */
  public static final int TOP_USERS = 20;

  private final List<SegmentLine> lines;
  private final List<SegmentLine> served;
  private final Map<String, Integer> errors;
  private final double[][] overlap;
  /** How many segments each user is in. */
  private final Map<String, Integer> segmentsOfUser;
  private final List<Map.Entry<String, Integer>> topUsers;

  private SegmentReport(List<SegmentLine> lines) {
    this.lines = lines;
    this.served = lines.stream().filter(line -> line.error() == null).toList();
    this.errors = groupErrors(lines);
    this.overlap = overlap(served.subList(0, Math.min(OVERLAP_LINES, served.size())));
    this.segmentsOfUser = segmentsOfUser(served);
    this.topUsers = topUsers(segmentsOfUser);
  }

  public static SegmentReport of(List<SegmentLine> lines) {
    return new SegmentReport(List.copyOf(lines));
  }

  public List<SegmentLine> lines() {
    return lines;
  }

  /** The lines that got a segment, in output order. */
  public List<SegmentLine> served() {
    return served;
  }

  /** Each error message with how many lines got it, most frequent first. */
  public Map<String, Integer> errors() {
    return errors;
  }

  public int errorLines() {
    return lines.size() - served.size();
  }

  /** Jaccard overlap of the first {@link #OVERLAP_LINES} served segments, pair by pair. */
  public double[][] overlap() {
    return overlap;
  }

  /** Every user in a served segment. */
  public Set<String> segmentUsers() {
    return segmentsOfUser.keySet();
  }

  /** The users in the most segments, with how many; ties by user id. */
  public List<Map.Entry<String, Integer>> topUsers() {
    return topUsers;
  }

  /** Jaccard similarity of two segments' users: 1 for two empty ones. */
  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    Set<String> smaller = a.size() <= b.size() ? a : b;
    Set<String> larger = smaller == a ? b : a;
    long shared = smaller.stream().filter(larger::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }

  private static Map<String, Integer> groupErrors(List<SegmentLine> lines) {
    Map<String, Integer> counts = new HashMap<>();
    lines.stream().filter(line -> line.error() != null).forEach(line -> counts.merge(line.error(), 1, Integer::sum));
    Map<String, Integer> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
    return sorted;
  }

  private static double[][] overlap(List<SegmentLine> segments) {
    // Each segment's set once, not once per pair.
    List<Set<String>> users = segments.stream().map(segment -> Set.copyOf(segment.users())).toList();
    double[][] matrix = new double[segments.size()][segments.size()];
    for (int i = 0; i < segments.size(); i++) {
      for (int j = i; j < segments.size(); j++) {
        matrix[i][j] = jaccard(users.get(i), users.get(j));
        matrix[j][i] = matrix[i][j];
      }
    }
    return matrix;
  }

  private static Map<String, Integer> segmentsOfUser(List<SegmentLine> segments) {
    Map<String, Integer> counts = new HashMap<>();
    segments.forEach(segment -> new HashSet<>(segment.users()).forEach(user -> counts.merge(user, 1, Integer::sum)));
    return Collections.unmodifiableMap(counts);
  }

  private static List<Map.Entry<String, Integer>> topUsers(Map<String, Integer> counts) {
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())));
    return List.copyOf(sorted.subList(0, Math.min(TOP_USERS, sorted.size())));
  }
}
