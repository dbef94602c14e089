package io.segmentbeam.training;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.interactions.EventWeighting;
import io.segmentbeam.interactions.InteractionEvents;
import io.segmentbeam.sample.SampleDataGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every model SegmentBeam offers, with its default settings, beats the popularity baseline on
 * held-out events, in every figure GetSolutionMetrics reports, on the repository's sample data and
 * on a generated data set ten times its size (the README's table shows both).
 */
class ModelsBeatPopularityTest {
  private static final List<String> FIGURES = List.of("precision_at_25", "recall_at_25", "precision_at_100",
      "recall_at_100");

  @TempDir Path folder;

  @Test
  void onTheSampleData() throws IOException {
    assertEveryModelBeatsPopularity(Path.of("sample-data/datasets"));
  }

  @Test
  void onTenThousandGeneratedUsers() throws IOException {
    new SampleDataGenerator(new SampleDataGenerator.Settings(7, 10_000, 2_000, 20, 0, 1)).writeTo(folder);
    assertEveryModelBeatsPopularity(folder.resolve("datasets"));
  }

  private static void assertEveryModelBeatsPopularity(Path datasets) throws IOException {
    TrainingSettings defaults = TrainingSettings.from(Map.of());
    InteractionEvents events = InteractionEvents.read(new DatasetFiles(
        datasets.resolve("interactions.csv").toString(), datasets.resolve("interactions-schema.json").toString()),
        EventWeighting.of(null, null, defaults.eventWeights()));
    SolutionMetrics heldOut = SolutionMetrics.of(events);
    for (String model : List.of("als", "item-cooccurrence")) {
      Map<String, Double> metrics = heldOut.measure(TrainingSettings.from(Map.of("model", model)), 2,
          (iteration, iterations, loss, millis) -> { });
      for (String figure : FIGURES) {
        assertThat(model + " " + figure + " on " + datasets + ": " + metrics, metrics.get(figure),
            greaterThan(metrics.get(SolutionMetrics.BASELINE + figure)));
      }
    }
  }
}
