package io.segmentbeam.api;

import java.math.BigDecimal;

/**
 * A solution version as DescribeSolutionVersion returns it (the API's SolutionVersion shape): what
 * it was trained with, its status through training, and how long training took.
 */
public record SolutionVersionDetails(String name, String solutionVersionArn, String solutionArn,
    Boolean performHPO, Boolean performAutoML, String recipeArn, String eventType, String datasetGroupArn,
    SolutionConfig solutionConfig, Double trainingHours, String trainingMode, String status, String failureReason,
    BigDecimal creationDateTime, BigDecimal lastUpdatedDateTime, String trainingType)
    implements StatusRecord<SolutionVersionDetails> {

  /** A version just asked for, waiting to be trained. */
  public static SolutionVersionDetails pending(String arn, String name, Solution solution, String trainingMode,
      BigDecimal now) {
    return new SolutionVersionDetails(name, arn, solution.solutionArn(), false, false, solution.recipeArn(),
        solution.eventType(), solution.datasetGroupArn(), solution.solutionConfig(), null, trainingMode,
        JobStatus.CREATE_PENDING, null, now, now, "MANUAL");
  }

  @Override
  public SolutionVersionDetails withStatus(String newStatus, String newFailureReason, BigDecimal now) {
    boolean ended = JobStatus.ACTIVE.equals(newStatus) || JobStatus.CREATE_FAILED.equals(newStatus);
    Double hours = ended ? Double.valueOf(now.subtract(creationDateTime).doubleValue() / 3600) : trainingHours;
    return new SolutionVersionDetails(name, solutionVersionArn, solutionArn, performHPO, performAutoML, recipeArn,
        eventType, datasetGroupArn, solutionConfig, hours, trainingMode, newStatus, newFailureReason,
        creationDateTime, now, trainingType);
  }

  public SolutionVersionSummary summary() {
    return new SolutionVersionSummary(solutionVersionArn, status, trainingMode, trainingType, creationDateTime,
        lastUpdatedDateTime, failureReason);
  }
}
