package io.segmentbeam.storage;

import io.segmentbeam.api.DataLocations;
import io.segmentbeam.s3.PathStyleS3ClientBuilderFactory;
import io.segmentbeam.s3.S3Buckets;
import io.segmentbeam.s3.S3Location;
import io.segmentbeam.s3.S3ObjectOutputStream;
import io.segmentbeam.s3.S3Objects;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.beam.sdk.options.PipelineOptions;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Reads and writes a job's files, local or {@code s3://}, by their literal paths (nothing is a
 * pattern), with the job's own S3 client, made on first use and closed with the session. What is
 * written to S3 is stored under the job's KMS key.
 */
public final class StorageSession implements AutoCloseable {
  private final PipelineOptions options;
  private final String kmsKeyArn;
  private S3Client s3;

  StorageSession(PipelineOptions options, String kmsKeyArn) {
    this.options = options;
    this.kmsKeyArn = kmsKeyArn;
  }

  public InputStream read(String path) throws IOException {
    if (!S3Buckets.isS3(path)) {
      return Files.newInputStream(local(path));
    }
    S3Location object = S3Location.parse(path);
    try {
      return s3().getObject(get -> get.bucket(object.bucket()).key(object.key()));
    } catch (SdkException e) {
      throw new IOException("cannot read " + path + ": " + e.getMessage(), e);
    }
  }

  /** A new file, or a replaced one, directly in a folder that exists. */
  public OutputStream write(String path, String contentType) throws IOException {
    if (!S3Buckets.isS3(path)) {
      return Files.newOutputStream(local(path));
    }
    return new S3ObjectOutputStream(s3(), S3Location.parse(path), kmsKeyArn, contentType);
  }

  /**
   * A new file, or a replaced one, at {@code name} (which may hold {@code /}) in {@code folder},
   * which must still be there: the removed staging folder of a stopped job is never made again by
   * a write that comes late. Local folders between it and the file are made. A name that would
   * leave the folder (an S3 key with {@code ../} in it, written locally) is refused.
   */
  public OutputStream writeInto(String folder, String name, String contentType) throws IOException {
    if (!S3Buckets.isS3(folder)) {
      Path base = local(folder);
      if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
        throw new NoSuchFileException(base.toString(), null, "the folder to write in is not there (any more)");
      }
      Path file = base.resolve(name).normalize();
      if (!file.startsWith(base) || file.equals(base)) {
        throw new IOException("the file name " + name + " would be written outside " + base);
      }
      for (Path at = base; !at.equals(file.getParent()); ) {
        at = at.resolve(file.getParent().getName(at.getNameCount()));
        try {
          Files.createDirectory(at);
        } catch (FileAlreadyExistsException made) {
          // Made by an earlier file, or by another thread writing one beside it.
        }
      }
    }
    return write(folder + name, contentType);
  }

  /** Makes a local folder and those above it; on S3, where folders are only prefixes, nothing. */
  public void makeFolder(String path) throws IOException {
    if (!S3Buckets.isS3(path)) {
      Files.createDirectories(local(path));
    }
  }

  /** Whether a file is there; a local link counts as there, whatever it points at. */
  public boolean exists(String path) throws IOException {
    if (!S3Buckets.isS3(path)) {
      return Files.exists(local(path), LinkOption.NOFOLLOW_LINKS);
    }
    S3Location object = S3Location.parse(path);
    try {
      s3().headObject(head -> head.bucket(object.bucket()).key(object.key()));
      return true;
    } catch (NoSuchKeyException absent) {
      return false;
    } catch (SdkException e) {
      throw new IOException("cannot look for " + path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Moves a file, replacing one at {@code to}: locally by one atomic rename (folders on the way are
   * made), on S3 by a copy stored under the job's key and the removal of the original.
   */
  public void move(String from, String to) throws IOException {
    if (!S3Buckets.isS3(from)) {
      Path target = local(to);
      Files.createDirectories(target.getParent());
      Files.move(local(from), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    try {
      S3Location source = S3Location.parse(from);
      S3Objects.copy(s3(), source, S3Location.parse(to), kmsKeyArn);
      s3().deleteObject(delete -> delete.bucket(source.bucket()).key(source.key()));
    } catch (SdkException e) {
      throw new IOException("cannot move " + from + " to " + to + ": " + e.getMessage(), e);
    }
  }

  /** Removes a file; one that is not there is removed already. */
  public void delete(String path) throws IOException {
    if (!S3Buckets.isS3(path)) {
      Files.deleteIfExists(local(path));
      return;
    }
    S3Location object = S3Location.parse(path);
    try {
      s3().deleteObject(delete -> delete.bucket(object.bucket()).key(object.key()));
    } catch (SdkException e) {
      throw new IOException("cannot remove " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (s3 != null) {
      s3.close();
    }
  }

  private synchronized S3Client s3() {
    if (s3 == null) {
      s3 = PathStyleS3ClientBuilderFactory.client(options);
    }
    return s3;
  }

  private static Path local(String path) {
    return Path.of(DataLocations.absoluteLocal(path));
  }
}
