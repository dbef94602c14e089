package io.segmentbeam.training;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.api.SolutionConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What hyperparameter optimization cannot search is refused when the solution is created, naming the member. */
class HyperParameterSearchTest {

  private static String refusal(SolutionConfig.HpoConfig hpo) {
    return assertThrows(InvalidInputException.class, () -> new HyperParameterSearch(Map.of(), hpo)).getMessage();
  }

  @Test
  void anObjectiveMustBeAMetricGetSolutionMetricsReports() {
    assertThat(refusal(new SolutionConfig.HpoConfig(new SolutionConfig.HpoObjective("Maximize", "ndcg", null), null,
        null)), equalTo("1 validation error detected: Value 'ndcg' at 'solutionConfig.hpoConfig.hpoObjective."
        + "metricName' failed to satisfy constraint: Member must be one of [precision_at_25, recall_at_25, "
        + "coverage_at_25, precision_at_100, recall_at_100, coverage_at_100]"));
    assertThat(refusal(new SolutionConfig.HpoConfig(new SolutionConfig.HpoObjective("Most", null, null), null,
        null)), equalTo("1 validation error detected: Value 'Most' at 'solutionConfig.hpoConfig.hpoObjective.type' "
        + "failed to satisfy constraint: Member must be Maximize or Minimize"));
  }

  @Test
  void theCandidateCountAndRangesAreChecked() {
    assertThat(refusal(new SolutionConfig.HpoConfig(null, new SolutionConfig.HpoResourceConfig("500", null), null)),
        equalTo("1 validation error detected: Value '500' at 'solutionConfig.hpoConfig.hpoResourceConfig."
            + "maxNumberOfTrainingJobs' failed to satisfy constraint: Member must be a whole number from 1 to 50"));
    assertThat(refusal(new SolutionConfig.HpoConfig(null, null, new SolutionConfig.HyperParameterRanges(
        List.of(new SolutionConfig.IntegerRange("factors", 32, 8)), null, null))),
        equalTo("1 validation error detected: Value factors at 'solutionConfig.hpoConfig.algorithmHyperParameterRanges"
            + ".integerHyperParameterRanges.member' failed to satisfy constraint: minValue must be at most maxValue"));
    assertThat(refusal(new SolutionConfig.HpoConfig(null, null, new SolutionConfig.HyperParameterRanges(
        null, null, List.of(new SolutionConfig.CategoricalRange("depth", List.of("3")))))),
        equalTo("1 validation error detected: Value 'depth' at 'solutionConfig.hpoConfig.algorithmHyperParameterRanges"
            + ".categoricalHyperParameterRanges.member.name' failed to satisfy constraint: Member must be a "
            + "hyperparameter SegmentBeam trains with: [alpha, event_weights, factors, iterations, model, "
            + "regularization, seed]"));
  }
}
