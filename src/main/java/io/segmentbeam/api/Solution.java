package io.segmentbeam.api;

import java.math.BigDecimal;

/** A solution as DescribeSolution returns it: what its versions are trained with, and its latest version. */
public record Solution(String name, String solutionArn, Boolean performHPO, Boolean performAutoML,
    Boolean performAutoTraining, Boolean performIncrementalUpdate, String recipeArn, String datasetGroupArn, String eventType, SolutionConfig solutionConfig, String status,
    BigDecimal creationDateTime, BigDecimal lastUpdatedDateTime, SolutionVersionSummary latestSolutionVersion) {

  /** The solution as created: ACTIVE at once, since locally it only records what to train. */
  public static Solution created(String arn, CreateSolutionRequest request, BigDecimal now) {
    return new Solution(request.name(), arn, Boolean.TRUE.equals(request.performHPO()), false,
        request.performAutoTraining() == null || request.performAutoTraining(), false, request.recipeArn(),
        request.datasetGroupArn(),
        request.eventType(), request.solutionConfig(), JobStatus.ACTIVE, now, now, null);
  }

  public Solution withLatestSolutionVersion(SolutionVersionSummary latest) {
    return new Solution(name, solutionArn, performHPO, performAutoML, performAutoTraining, performIncrementalUpdate,
        recipeArn, datasetGroupArn, eventType,
        solutionConfig, status, creationDateTime, lastUpdatedDateTime, latest);
  }

  public SolutionSummary summary() {
    return new SolutionSummary(name, solutionArn, status, creationDateTime, lastUpdatedDateTime, recipeArn);
  }
}
