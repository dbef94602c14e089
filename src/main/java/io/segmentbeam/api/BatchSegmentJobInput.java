package io.segmentbeam.api;

/** BatchSegmentJobInput: the S3 prefix holding the job's JSON-lines queries. */
public record BatchSegmentJobInput(S3DataConfig s3DataSource) {

  void validate(Violations violations) {
    S3DataConfig.validateMember("jobInput.s3DataSource", s3DataSource, violations);
  }
}
