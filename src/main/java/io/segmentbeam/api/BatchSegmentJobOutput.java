package io.segmentbeam.api;

/** BatchSegmentJobOutput: where the job writes its {@code .out} files. */
public record BatchSegmentJobOutput(S3DataConfig s3DataDestination) {

  void validate(Violations violations) {
    S3DataConfig.validateMember("jobOutput.s3DataDestination", s3DataDestination, violations);
  }
}
