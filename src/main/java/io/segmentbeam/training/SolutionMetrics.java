package io.segmentbeam.training;

import io.segmentbeam.evaluation.HeldOutSplit;
import io.segmentbeam.evaluation.OfflineMetrics;
import io.segmentbeam.interactions.InteractionData;
import io.segmentbeam.interactions.InteractionEvents;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.factors.LatentFactorModelProvider;
import io.segmentbeam.model.interactions.ItemCooccurrenceModelProvider;
import io.segmentbeam.model.interactions.PopularityModelProvider;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * GetSolutionMetrics' figures for a solution version, as Personalize computes them for
 * USER_SEGMENTATION recipes: the model is trained on 80% of each user's events and measured on the
 * other 20% ({@link HeldOutSplit}, {@link OfflineMetrics}); the popularity baseline is measured the
 * same way, under names starting {@code popularity_baseline_}, so the two can be compared (each
 * rounded to four decimals). Also
 * {@code test_items} and {@code held_out_events}: how much evidence the figures rest on.
 */
public final class SolutionMetrics {
  public static final String BASELINE = "popularity_baseline_";
  /** The model's own figures, as OfflineMetrics names them at its cutoffs. */
  public static final List<String> MODEL_METRICS = Arrays.stream(OfflineMetrics.CUTOFFS).boxed()
      .flatMap(k -> Stream.of("precision_at_" + k, "recall_at_" + k, "coverage_at_" + k)).toList();

  private final HeldOutSplit split;
  private final InteractionData training;
  /** The baseline's figures, the same for every model measured on this split. */
  private final Map<String, Double> baseline;

  private SolutionMetrics(HeldOutSplit split, InteractionData training, Map<String, Double> baseline) {
    this.split = split;
    this.training = training;
    this.baseline = baseline;
  }

  /** The events split once, and the baseline measured once, for every model measured on them. */
  public static SolutionMetrics of(InteractionEvents events) {
    HeldOutSplit split = HeldOutSplit.of(events);
    InteractionData training = split.training();
    return new SolutionMetrics(split, training,
        OfflineMetrics.measure(PopularityModelProvider.of(training), split, training, BASELINE).figures());
  }

  /** The figures of the model {@code settings} name, trained on the split's training events, next to the baseline's. */
  public Map<String, Double> measure(TrainingSettings settings, int threads, ImplicitAls.ProgressListener progress) {
    OfflineMetrics.Measured model = OfflineMetrics.measure(model(settings, training, threads, progress), split,
        training, "");
    Map<String, Double> metrics = new LinkedHashMap<>(model.figures());
    metrics.putAll(baseline);
    // Four decimals: the figures rest on a sample of events, and more digits would only be noise.
    metrics.replaceAll((name, value) -> Math.round(value * 10_000) / 10_000.0);
    metrics.put("test_items", (double) model.testItems());
    metrics.put("held_out_events", (double) split.heldOutEvents());
    return metrics;
  }

  /** The model the settings name, trained on {@code data} in memory. */
  static SegmentModel model(TrainingSettings settings, InteractionData data, int threads,
      ImplicitAls.ProgressListener progress) {
    return switch (settings.model()) {
      case "als" -> {
        ImplicitAls.Factors factors = new ImplicitAls(settings.als(threads)).train(data.matrix(), progress);
        yield LatentFactorModelProvider.of(data.userIds(), factors.users(), data.itemIds(), factors.items(),
            factors.factors());
      }
      case "item-cooccurrence" -> ItemCooccurrenceModelProvider.of(data);
      case "popularity" -> PopularityModelProvider.of(data);
      default -> throw new IllegalArgumentException("no model " + settings.model());
    };
  }
}
