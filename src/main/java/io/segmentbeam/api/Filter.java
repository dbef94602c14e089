package io.segmentbeam.api;

import java.math.BigDecimal;

/** The Filter shape, exactly: what DescribeFilter prints and what the store keeps. */
public record Filter(
    BigDecimal creationDateTime,
    String datasetGroupArn,
    String failureReason,
    String filterArn,
    String filterExpression,
    BigDecimal lastUpdatedDateTime,
    String name,
    String status) {

  public FilterSummary summary() {
    return new FilterSummary(creationDateTime, datasetGroupArn, failureReason, filterArn, lastUpdatedDateTime, name,
        status);
  }
}
