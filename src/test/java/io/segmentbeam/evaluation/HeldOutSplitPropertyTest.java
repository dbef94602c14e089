package io.segmentbeam.evaluation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.segmentbeam.interactions.InteractionData;
import io.segmentbeam.interactions.InteractionEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Personalize's rule for USER_SEGMENTATION metrics, on any events: each user's latest fifth is held
 * out (floor(n / 5) of n events), never an earlier event than one kept for training, and among
 * equal timestamps the one read later.
 */
class HeldOutSplitPropertyTest {

  @Property(tries = 200)
  void eachUsersLatestFifthIsHeldOut(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 4) Integer> users,
      @ForAll @Size(min = 60, max = 60) List<@IntRange(min = 0, max = 9) Integer> times) throws IOException {
    StringBuilder rows = new StringBuilder();
    for (int e = 0; e < users.size(); e++) {
      rows.append("u").append(users.get(e)).append(",i").append(e % 3).append(",click,").append(times.get(e))
          .append('\n');
    }
    // jqwik has no @TempDir: the files are removed as soon as they are read.
    Path folder = Files.createTempDirectory("split");
    InteractionEvents events = InteractionFiles.events(folder, rows.toString());
    try (var files = Files.list(folder)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
    Files.delete(folder);
    HeldOutSplit split = HeldOutSplit.of(events);

    int heldInAll = 0;
    for (int user = 0; user < events.userIds().length; user++) {
      List<Integer> mine = new ArrayList<>();
      for (int e = 0; e < events.size(); e++) {
        if (events.user(e) == user) {
          mine.add(e);
        }
      }
      List<Integer> held = mine.stream().filter(split::isHeldOut).toList();
      assertThat(events.userIds()[user], held.size(), equalTo(mine.size() / 5));
      heldInAll += held.size();
      for (int kept : mine.stream().filter(e -> !split.isHeldOut(e)).toList()) {
        for (int out : held) {
          assertThat(events.timestamp(kept), lessThanOrEqualTo(events.timestamp(out)));
          if (events.timestamp(kept) == events.timestamp(out)) {
            assertThat(kept, lessThanOrEqualTo(out));
          }
        }
      }
    }
    assertThat(split.heldOutEvents(), equalTo(heldInAll));
    InteractionData training = split.training();
    assertThat(training.events(), equalTo((long) events.size() - heldInAll));
    assertThat(training.userIds().length, equalTo(events.userIds().length));
  }
}
