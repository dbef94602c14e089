package io.segmentbeam.s3;

import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptions;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Checks a job can make before its pipeline starts, so that a wrong bucket fails the job with a
 * reason naming it rather than with whatever the first failing request says.
 */
public final class S3Buckets {
  private S3Buckets() {}

  /** Whether a location is on S3. */
  public static boolean isS3(String location) {
    return location.startsWith("s3://");
  }

  /** Why the bucket of an {@code s3://} location cannot be used, or empty when it can. */
  public static Optional<String> problem(PipelineOptions options, String location) {
    String bucket = S3Location.parse(location).bucket();
    try (S3Client client = PathStyleS3ClientBuilderFactory.client(options)) {
      client.headBucket(request -> request.bucket(bucket));
      return Optional.empty();
    } catch (S3Exception e) {
      return Optional.of(switch (e.statusCode()) {
        case 404 -> "the bucket " + bucket + " does not exist";
        case 403 -> "access to the bucket " + bucket + " is denied for these credentials";
        default -> "the bucket " + bucket + " cannot be reached: " + e.awsErrorDetails().errorMessage();
      });
    } catch (SdkException e) {
      return Optional.of("the bucket " + bucket + " cannot be reached: " + e.getMessage());
    }
  }
}
