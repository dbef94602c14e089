package io.segmentbeam.api;

/** BatchSegmentJobInput: the S3 prefix holding the job's JSON-lines queries. */
public record BatchSegmentJobInput(S3DataConfig s3DataSource) {

  void validate(Violations violations) {
    if (s3DataSource == null) {
      violations.notNull("jobInput.s3DataSource");
    } else {
      s3DataSource.validate("jobInput.s3DataSource", violations);
    }
  }
}
