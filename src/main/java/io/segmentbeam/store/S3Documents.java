package io.segmentbeam.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Documents under an S3 prefix. A create is a conditional PUT ({@code If-None-Match: *}), which
 * S3 refuses with 412 when the key exists, so of many concurrent creators exactly one wins; a
 * replace is a plain PUT, which S3 makes visible whole.
 */
public final class S3Documents implements Documents {
  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  /** @param prefix the key prefix, empty or ending in {@code /} */
  public S3Documents(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  @Override
  public void create(String name, byte[] content) throws IOException {
    try {
      s3.putObject(request -> request.bucket(bucket).key(prefix + name)
          .overrideConfiguration(override -> override.putHeader("If-None-Match", "*")), RequestBody.fromBytes(content));
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        throw new FileAlreadyExistsException(location() + name);
      }
      throw failure("write", name, e);
    } catch (SdkException e) {
      throw failure("write", name, e);
    }
  }

  @Override
  public void replace(String name, byte[] content) throws IOException {
    try {
      s3.putObject(request -> request.bucket(bucket).key(prefix + name), RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw failure("write", name, e);
    }
  }

  @Override
  public void delete(String name) throws IOException {
    try {
      s3.deleteObject(request -> request.bucket(bucket).key(prefix + name));
    } catch (SdkException e) {
      throw failure("delete", name, e);
    }
  }

  @Override
  public Optional<byte[]> read(String name) throws IOException {
    try {
      return Optional.of(s3.getObjectAsBytes(request -> request.bucket(bucket).key(prefix + name)).asByteArray());
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("read", name, e);
    }
  }

  @Override
  public List<String> names(String suffix) throws IOException {
    try {
      return s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(prefix).delimiter("/"))
          .contents().stream().map(object -> object.key().substring(prefix.length()))
          .filter(name -> name.endsWith(suffix)).sorted().toList();
    } catch (SdkException e) {
      throw failure("list", "", e);
    }
  }

  @Override
  public Documents folder(String name) {
    return new S3Documents(s3, bucket, prefix + name + "/");
  }

  @Override
  public String location() {
    return "s3://" + bucket + "/" + prefix;
  }

  private IOException failure(String what, String name, SdkException e) {
    return new IOException("cannot " + what + " " + location() + name + ": " + e.getMessage(), e);
  }
}
