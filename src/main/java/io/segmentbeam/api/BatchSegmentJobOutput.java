package io.segmentbeam.api;

/** BatchSegmentJobOutput: where the job writes its {@code .out} files. */
public record BatchSegmentJobOutput(S3DataConfig s3DataDestination) {

  void validate(Violations violations) {
    if (s3DataDestination == null) {
      violations.notNull("jobOutput.s3DataDestination");
    } else {
      s3DataDestination.validate("jobOutput.s3DataDestination", violations);
    }
  }
}
