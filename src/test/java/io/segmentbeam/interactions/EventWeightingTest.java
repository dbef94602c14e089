package io.segmentbeam.interactions;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which events count and how much, and the same weighting read back from a model's settings. */
class EventWeightingTest {

  @Test
  void eventsConfigCountsOnlyItsTypesEachWithItsWeightAndThreshold() {
    // eventsConfig: click weight 0.25; rating weight 0.5 from a value of 3.
    EventWeighting weighting = new EventWeighting(null, null, Map.of("click", 0.25, "rating", 0.5),
        Map.of("rating", 3.0), true);
    assertThat(List.of(weighting.weight("CLICK", null), weighting.weight("rating", 4.0), weighting.weight("rating", 2.0),
        weighting.weight("purchase", null), weighting.weight(null, null)), contains(0.25f, 2.0f, 0f, 0f, 0f));
  }

  @Test
  void withoutEventsConfigEveryTypeCountsUnlessEventTypeNamesOne() {
    EventWeighting all = EventWeighting.of(null, 2.0, Map.of("purchase", 4.0));
    assertThat(List.of(all.weight("click", null), all.weight("purchase", null), all.weight("rating", 1.0),
        all.weight(null, null)), contains(1f, 4f, 0f, 1f));
    EventWeighting clicks = EventWeighting.of("click", null, Map.of());
    assertThat(List.of(clicks.weight("Click", null), clicks.weight("purchase", null)), contains(1f, 0f));
  }

  @Test
  void aModelsSettingsGiveTheSameWeightingBack() {
    EventWeighting weighting = new EventWeighting("click", 1.0, Map.of("click", 0.25), Map.of("click", 2.0), true);
    assertThat(EventWeighting.fromSettings(weighting.toSettings()), equalTo(weighting));
    EventWeighting plain = EventWeighting.of(null, null, Map.of("purchase", 4.0));
    assertThat(EventWeighting.fromSettings(plain.toSettings()), equalTo(plain));
  }
}
