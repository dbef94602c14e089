package io.segmentbeam.s3;

import org.apache.beam.sdk.io.aws2.options.S3ClientBuilderFactory;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.aws2.s3.DefaultS3ClientBuilderFactory;
import org.apache.beam.sdk.options.PipelineOptions;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Beam's S3 client, with path-style addressing when {@link S3AccessOptions#getS3PathStyleAccess}
 * asks for it. Beam has no option for it, so it is set here, where Beam lets a factory in.
 */
public final class PathStyleS3ClientBuilderFactory implements S3ClientBuilderFactory {
  private final DefaultS3ClientBuilderFactory defaults = new DefaultS3ClientBuilderFactory();

  /** A client for a job's own S3 requests (listings, removals, checks), made from its options. */
  public static S3Client client(PipelineOptions options) {
    return new PathStyleS3ClientBuilderFactory().createBuilder(options.as(S3Options.class)).build();
  }

  @Override
  public S3ClientBuilder createBuilder(S3Options options) {
    return defaults.createBuilder(options).forcePathStyle(options.as(S3AccessOptions.class).getS3PathStyleAccess());
  }
}
