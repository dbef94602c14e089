package io.segmentbeam.evaluation;

import io.segmentbeam.interactions.InteractionData;
import io.segmentbeam.interactions.InteractionEvents;
import java.util.Arrays;
import java.util.BitSet;

/**
 * Personalize's split for USER_SEGMENTATION metrics: each user's latest 20% of events (by
 * TIMESTAMP) are held out for testing and the rest are trained on. A user with {@code n} events has
 * {@code floor(n / 5)} held out, so users with fewer than five events are only trained on. Events
 * with the same timestamp keep the order they were read in, the later one held out first.
 */
public final class HeldOutSplit {
  /** One event in five is held out. */
  public static final int HELD_OUT_ONE_IN = 5;

  private final InteractionEvents events;
  private final BitSet heldOut;

  private HeldOutSplit(InteractionEvents events, BitSet heldOut) {
    this.events = events;
    this.heldOut = heldOut;
  }

  public static HeldOutSplit of(InteractionEvents events) {
    int[] start = new int[events.userIds().length + 1];
    for (int e = 0; e < events.size(); e++) {
      start[events.user(e) + 1]++;
    }
    for (int u = 0; u + 1 < start.length; u++) {
      start[u + 1] += start[u];
    }
    // Each user's events, in read order (a counting sort is stable).
    int[] byUser = new int[events.size()];
    int[] next = Arrays.copyOf(start, start.length - 1);
    for (int e = 0; e < events.size(); e++) {
      byUser[next[events.user(e)]++] = e;
    }
    BitSet heldOut = new BitSet(events.size());
    for (int u = 0; u + 1 < start.length; u++) {
      int count = start[u + 1] - start[u];
      int held = count / HELD_OUT_ONE_IN;
      if (held > 0) {
        long[] latestLast = byTime(events, byUser, start[u], count);
        for (int k = count - held; k < count; k++) {
          heldOut.set(byUser[start[u] + (int) (latestLast[k] % count)]);
        }
      }
    }
    return new HeldOutSplit(events, heldOut);
  }

  /**
   * A user's events ({@code count} of them from {@code from} in {@code byUser}) ordered by time,
   * equal times in read order, as keys whose remainder by {@code count} is the event's place
   * among them. A key is the time's rank among the user's times, times {@code count}, plus the
   * place: a stable sort by time on primitives, without boxing every event.
   */
  private static long[] byTime(InteractionEvents events, int[] byUser, int from, int count) {
    long[] times = new long[count];
    for (int k = 0; k < count; k++) {
      times[k] = events.timestamp(byUser[from + k]);
    }
    long[] sorted = times.clone();
    Arrays.sort(sorted);
    long[] keys = new long[count];
    for (int k = 0; k < count; k++) {
      // Equal times find the same index, so they share a rank, and a rank grows with the time.
      keys[k] = (long) Arrays.binarySearch(sorted, times[k]) * count + k;
    }
    Arrays.sort(keys);
    return keys;
  }

  /** The events split. */
  public InteractionEvents events() {
    return events;
  }

  public boolean isHeldOut(int event) {
    return heldOut.get(event);
  }

  public int heldOutEvents() {
    return heldOut.cardinality();
  }

  /** The events that are not held out, over all users and items, as a model trains on them. */
  public InteractionData training() {
    return events.toData(event -> !heldOut.get(event));
  }

  /** For each item index, the distinct users with a held-out event on it, ascending. */
  public int[][] heldOutUsersByItem() {
    int[] counts = new int[events.itemIds().length];
    for (int e = heldOut.nextSetBit(0); e >= 0; e = heldOut.nextSetBit(e + 1)) {
      counts[events.item(e)]++;
    }
    int[][] users = new int[counts.length][];
    for (int item = 0; item < counts.length; item++) {
      users[item] = new int[counts[item]];
      counts[item] = 0;
    }
    for (int e = heldOut.nextSetBit(0); e >= 0; e = heldOut.nextSetBit(e + 1)) {
      users[events.item(e)][counts[events.item(e)]++] = events.user(e);
    }
    for (int item = 0; item < users.length; item++) {
      users[item] = Arrays.stream(users[item]).sorted().distinct().toArray();
    }
    return users;
  }
}
