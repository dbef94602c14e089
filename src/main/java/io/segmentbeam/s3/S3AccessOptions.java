package io.segmentbeam.s3;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.io.aws2.options.S3Options;

/** What Beam's S3 options lack: path-style addressing, which S3-compatible servers need. */
public interface S3AccessOptions extends S3Options {

  @Description("Address buckets as https://endpoint/bucket/key instead of https://bucket.endpoint/key, as "
      + "S3-compatible servers on a custom --endpoint need.")
  @Default.Boolean(false)
  boolean getS3PathStyleAccess();

  void setS3PathStyleAccess(boolean pathStyle);
}
