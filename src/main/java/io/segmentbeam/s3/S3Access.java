package io.segmentbeam.s3;

import java.net.URI;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * How SegmentBeam reaches S3: the region, an optional custom endpoint (an S3-compatible server,
 * addressed path-style), and an optional named profile; credentials otherwise come from the AWS
 * SDK's default chain (environment, system properties, profile files, container and instance
 * roles). Credentials are never part of the options themselves, so printing or serializing
 * pipeline options cannot reveal them.
 *
 * @param region the AWS region
 * @param endpoint a custom S3 endpoint, or null for AWS
 * @param profile a named profile from the AWS config files, or null for the default chain
 * @param pathStyle path-style addressing; null means "when there is a custom endpoint"
 * @param localServer whether the endpoint is the S3 that {@code serve} runs itself
 */
public record S3Access(String region, URI endpoint, String profile, Boolean pathStyle, boolean localServer) {
  /**
   * What requests to the S3 that {@code serve} runs itself are signed with: it checks no
   * signatures, and the credentials chain may hold none on a laptop. Not a secret.
   */
  private static final StaticCredentialsProvider LOCAL_SERVER =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("segmentbeam-local", "segmentbeam-local"));

  /** The S3 that {@code serve} runs itself, at {@code endpoint}. */
  public static S3Access localServer(String region, URI endpoint) {
    return new S3Access(region, endpoint, null, true, true);
  }

  /** A client with these settings, for what is not a file: the store's documents, bucket checks. */
  public S3Client client() {
    S3AccessOptions options = configure(PipelineOptionsFactory.as(S3AccessOptions.class));
    return new PathStyleS3ClientBuilderFactory().createBuilder(options).build();
  }

  /** Sets these S3 settings on pipeline options, and makes them the file systems' defaults. */
  public <T extends PipelineOptions> T applyTo(T options) {
    FileSystems.setDefaultPipelineOptions(configure(options));
    return options;
  }

  private <T extends PipelineOptions> T configure(T options) {
    S3AccessOptions s3 = options.as(S3AccessOptions.class);
    s3.setAwsRegion(Region.of(region));
    if (endpoint != null) {
      s3.setEndpoint(endpoint);
    }
    if (localServer) {
      s3.setAwsCredentialsProvider(LOCAL_SERVER);
    } else if (profile != null) {
      s3.setAwsCredentialsProvider(ProfileCredentialsProvider.create(profile));
    }
    s3.setS3PathStyleAccess(pathStyle != null ? pathStyle : endpoint != null);
    s3.setS3ClientFactoryClass(PathStyleS3ClientBuilderFactory.class);
    return options;
  }
}
