package io.segmentbeam.model;

import java.util.BitSet;
import java.util.List;

/**
 * One segment to compute: the items whose users are sought, and which users may be in it.
 *
 * @param items at least one item, every one known to the model
 * @param allowedUsers the user indexes a filter lets through, or null for all users; read only
 */
public record ScoringQuery(List<String> items, BitSet allowedUsers) {

  /** Whether a user may be in the segment. */
  public boolean allows(int user) {
    return allowedUsers == null || allowedUsers.get(user);
  }
}
