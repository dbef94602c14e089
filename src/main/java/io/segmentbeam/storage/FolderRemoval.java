package io.segmentbeam.storage;

import io.segmentbeam.s3.PathStyleS3ClientBuilderFactory;
import io.segmentbeam.s3.S3Buckets;
import io.segmentbeam.s3.S3Location;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Removes a folder SegmentBeam made and everything in it: locally without following a single
 * symbolic link (a link in it is removed as a link), on S3 every key under its literal prefix.
 */
public final class FolderRemoval {
  private FolderRemoval() {}

  /** Removes {@code folder} (ending in {@code /}); a folder that is not there is already removed. */
  public static void remove(String folder, PipelineOptions options) throws IOException {
    if (!folder.endsWith("/")) {
      throw new IllegalArgumentException("not a folder: " + folder);
    }
    if (S3Buckets.isS3(folder)) {
      removeS3(S3Location.parse(folder), options);
    } else {
      removeLocal(Path.of(folder));
    }
  }

  private static void removeLocal(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // walkFileTree does not follow links unless told to: a link is visited as a file and deleted as one.
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        Files.deleteIfExists(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
        if (failure != null) {
          throw failure;
        }
        Files.deleteIfExists(directory);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private static void removeS3(S3Location folder, PipelineOptions options) throws IOException {
    try (S3Client client = PathStyleS3ClientBuilderFactory.client(options)) {
      ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(folder.bucket()).prefix(folder.key()).build();
      boolean more = true;
      while (more) {
        // Each page is deleted before the next is asked for, so the listing starts again from what is left.
        ListObjectsV2Response page = client.listObjectsV2(request);
        if (!page.contents().isEmpty()) {
          List<ObjectIdentifier> keys =
              page.contents().stream().map(o -> ObjectIdentifier.builder().key(o.key()).build()).toList();
          DeleteObjectsResponse deleted = client.deleteObjects(delete -> delete.bucket(folder.bucket())
              .delete(Delete.builder().objects(keys).build()));
          if (deleted.hasErrors() && !deleted.errors().isEmpty()) {
            throw new IOException("cannot remove " + folder.withKey(deleted.errors().get(0).key()) + ": "
                + deleted.errors().get(0).message());
          }
        }
        more = page.isTruncated();
      }
    } catch (SdkException e) {
      throw new IOException("cannot remove " + folder.withKey(folder.key()) + ": " + e.getMessage(), e);
    }
  }
}
