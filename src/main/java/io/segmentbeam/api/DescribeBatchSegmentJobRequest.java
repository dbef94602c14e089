package io.segmentbeam.api;

/** The DescribeBatchSegmentJob request. */
public record DescribeBatchSegmentJobRequest(String batchSegmentJobArn) {

  public void validate() {
    new Violations().string("batchSegmentJobArn", batchSegmentJobArn, ApiRules.ARN, true).throwIfAny();
  }
}
