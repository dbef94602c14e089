package io.segmentbeam.evaluation;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import io.segmentbeam.interactions.InteractionData;
import io.segmentbeam.interactions.InteractionEvents;
import io.segmentbeam.model.interactions.PopularityModelProvider;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The held-out figures on a case worked by hand. Each user's latest fifth is held out:
 * u1 (5 events) b@5, u2 (5) a@5, u3 (10) b@9 and a@10, u7 (5) c@5; u4 (2), u5 (4) and u6 (1) keep
 * all theirs. Training activity: u3 8, then u1, u2, u5 and u7 4 each (ties by id), u4 2, u6 1, so
 * the popularity model's ranking is u3, u1, u2, u5, u7, u4, u6 for every item. Held-out users: a
 * {u2, u3}, b {u1, u3}; c has no training event, so it is not a test item.
 */
class OfflineMetricsTest {
  @TempDir Path folder;

  @Test
  void precisionRecallAndCoverageOfThePopularityModelMatchTheHandWorkedFigures() throws IOException {
    InteractionEvents events = InteractionFiles.events(folder, """
        u1,a,click,1
        u1,a,click,2
        u1,a,click,3
        u1,a,click,4
        u1,b,click,5
        u2,b,click,1
        u2,b,click,2
        u2,b,click,3
        u2,b,click,4
        u2,a,click,5
        u3,a,click,1
        u3,a,click,2
        u3,a,click,3
        u3,a,click,4
        u3,a,click,5
        u3,a,click,6
        u3,a,click,7
        u3,a,click,8
        u3,b,click,9
        u3,a,click,10
        u4,a,click,1
        u4,b,click,2
        u5,b,click,1
        u5,b,click,2
        u5,b,click,3
        u5,b,click,4
        u6,a,click,1
        u7,a,click,1
        u7,a,click,2
        u7,a,click,3
        u7,a,click,4
        u7,c,click,5
        """);
    HeldOutSplit split = HeldOutSplit.of(events);
    InteractionData training = split.training();
    OfflineMetrics.Measured measured = OfflineMetrics.measure(PopularityModelProvider.of(training), split, training,
        "p_", 1, 2);

    assertThat(split.heldOutEvents(), equalTo(5));
    assertThat(measured.testItems(), equalTo(2));
    Map<String, Double> figures = measured.figures();
    // Top 1 is u3 for both items: a hit for a and for b.
    assertThat(figures.get("p_precision_at_1"), closeTo(1.0, 1e-12));
    assertThat(figures.get("p_recall_at_1"), closeTo((0.5 + 0.5) / 2, 1e-12));
    // Top 2 is u3, u1: one hit for a (u3), two for b.
    assertThat(figures.get("p_precision_at_2"), closeTo((0.5 + 1.0) / 2, 1e-12));
    assertThat(figures.get("p_recall_at_2"), closeTo((0.5 + 1.0) / 2, 1e-12));
    assertThat(figures.get("p_coverage_at_1"), closeTo(1.0 / 7, 1e-12));
    assertThat(figures.get("p_coverage_at_2"), closeTo(2.0 / 7, 1e-12));
    assertThat(figures.size(), equalTo(6));
  }

  @Test
  void aCutoffAboveTheUserCountDividesByTheUsers() throws IOException {
    InteractionEvents events = InteractionFiles.events(folder, """
        u1,a,click,1
        u1,a,click,2
        u1,a,click,3
        u1,a,click,4
        u1,a,click,5
        u2,a,click,1
        """);
    HeldOutSplit split = HeldOutSplit.of(events);
    InteractionData training = split.training();
    Map<String, Double> figures = OfflineMetrics.measure(PopularityModelProvider.of(training), split, training,
        "").figures();
    // u1's a@5 is the one held-out event; both users are in every top 25, one of them relevant.
    assertThat(figures.get("precision_at_25"), closeTo(0.5, 1e-12));
    assertThat(figures.get("recall_at_25"), closeTo(1.0, 1e-12));
    assertThat(figures.get("coverage_at_100"), closeTo(1.0, 1e-12));
  }
}
