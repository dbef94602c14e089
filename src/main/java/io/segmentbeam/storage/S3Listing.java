package io.segmentbeam.storage;

import io.segmentbeam.s3.PathStyleS3ClientBuilderFactory;
import io.segmentbeam.s3.S3Location;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 prefix listed with ListObjectsV2 and the prefix as S3 takes it: literally. Keys ending in
 * {@code /} are folder markers, not files.
 */
final class S3Listing {
  private S3Listing() {}

  static List<ListedFile> list(String location, boolean recursive, PipelineOptions options) throws ListingException {
    S3Location prefix = S3Location.parse(location);
    List<ListedFile> files = new ArrayList<>();
    int entries = 0;
    try (S3Client client = PathStyleS3ClientBuilderFactory.client(options)) {
      ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(prefix.bucket()).prefix(prefix.key());
      if (!recursive) {
        request.delimiter("/");
      }
      String token = null;
      do {
        ListObjectsV2Response page = client.listObjectsV2(request.continuationToken(token).build());
        for (S3Object object : page.contents()) {
          if (++entries > Listing.MAX_ENTRIES) {
            throw Listing.tooMany(location, "objects", Listing.MAX_ENTRIES);
          }
          if (object.key().endsWith("/") || inStaging(object.key(), prefix.key())) {
            continue;
          }
          if (files.size() == Listing.MAX_FILES) {
            throw Listing.tooMany(location, "files", Listing.MAX_FILES);
          }
          files.add(new ListedFile(prefix.withKey(object.key()), object.size()));
        }
        token = page.isTruncated() ? page.nextContinuationToken() : null;
      } while (token != null);
    } catch (S3Exception e) {
      String reason = e.statusCode() == 404 ? "the bucket " + prefix.bucket() + " does not exist"
          : e.statusCode() == 403 ? "access is denied for these credentials"
          : e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      throw new ListingException("Cannot list " + location + ": " + reason + ".", e);
    } catch (SdkException e) {
      throw new ListingException("Cannot list " + location + ": " + e.getMessage(), e);
    }
    return files;
  }

  /** Whether a key lies in a job's staging folder below the listed prefix. */
  private static boolean inStaging(String key, String prefix) {
    int folderStart = prefix.lastIndexOf('/') + 1;
    String below = key.substring(folderStart);
    return below.startsWith(Listing.STAGING_PREFIX) || below.contains("/" + Listing.STAGING_PREFIX);
  }
}
