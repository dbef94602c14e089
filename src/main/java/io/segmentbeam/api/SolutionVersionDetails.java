package io.segmentbeam.api;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A solution version as DescribeSolutionVersion returns it (the API's SolutionVersion shape): what
 * it was trained with, its status through training, and how long training took.
 */
public record SolutionVersionDetails(String name, String solutionVersionArn, String solutionArn,
    Boolean performHPO, Boolean performAutoML, Boolean performIncrementalUpdate, String recipeArn, String eventType,
    String datasetGroupArn, SolutionConfig solutionConfig, Double trainingHours, String trainingMode,
    TunedHpoParams tunedHPOParams, String status, String failureReason, BigDecimal creationDateTime,
    BigDecimal lastUpdatedDateTime, String trainingType)
    implements StatusRecord<SolutionVersionDetails> {

  /** A version just asked for, waiting to be trained. */
  public static SolutionVersionDetails pending(String arn, String name, Solution solution, String trainingMode,
      BigDecimal now) {
    return new SolutionVersionDetails(name, arn, solution.solutionArn(), Boolean.TRUE.equals(solution.performHPO()),
        false, false, solution.recipeArn(), solution.eventType(), solution.datasetGroupArn(), solution.solutionConfig(),
        null, trainingMode, null, JobStatus.CREATE_PENDING, null, now, now, "MANUAL");
  }

  @Override
  public SolutionVersionDetails withStatus(String newStatus, String newFailureReason, BigDecimal now) {
    boolean ended = JobStatus.ACTIVE.equals(newStatus) || JobStatus.CREATE_FAILED.equals(newStatus);
    Double hours = ended ? Double.valueOf(now.subtract(creationDateTime).doubleValue() / 3600) : trainingHours;
    return new SolutionVersionDetails(name, solutionVersionArn, solutionArn, performHPO, performAutoML,
        performIncrementalUpdate, recipeArn, eventType, datasetGroupArn, solutionConfig, hours, trainingMode,
        tunedHPOParams, newStatus, newFailureReason, creationDateTime, now, trainingType);
  }

  /** The version with the hyperparameters its optimization chose. */
  public SolutionVersionDetails withTunedHpoParams(Map<String, String> algorithmHyperParameters) {
    return new SolutionVersionDetails(name, solutionVersionArn, solutionArn, performHPO, performAutoML,
        performIncrementalUpdate, recipeArn, eventType, datasetGroupArn, solutionConfig, trainingHours, trainingMode,
        new TunedHpoParams(algorithmHyperParameters), status, failureReason, creationDateTime, lastUpdatedDateTime,
        trainingType);
  }

  public SolutionVersionSummary summary() {
    return new SolutionVersionSummary(solutionVersionArn, status, trainingMode, trainingType, creationDateTime,
        lastUpdatedDateTime, failureReason);
  }
}
