package io.segmentbeam.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Writes one S3 object: a single PutObject when it stays under {@link #PART_BYTES}, else a
 * multipart upload, aborted if a request fails. Every request that creates the object carries the
 * stream's KMS key, so the object is stored under it whatever its size.
 */
public final class S3ObjectOutputStream extends OutputStream {
  /** The size of each uploaded part (S3 takes 5 MiB to 5 GiB). */
  static final int PART_BYTES = 16 << 20;

  private final S3Client client;
  private final S3Location target;
  private final String kmsKeyArn;
  private final String contentType;
  private final ByteArrayOutputStream part = new ByteArrayOutputStream(1 << 16);
  private final List<CompletedPart> uploaded = new ArrayList<>();
  private String uploadId;
  private boolean failed;
  private boolean closed;

  /** @param kmsKeyArn the key to store the object under with SSE-KMS, or null for the bucket's default */
  public S3ObjectOutputStream(S3Client client, S3Location target, String kmsKeyArn, String contentType) {
    this.client = client;
    this.target = target;
    this.kmsKeyArn = kmsKeyArn;
    this.contentType = contentType;
  }

  @Override
  public void write(int b) throws IOException {
    part.write(b);
    uploadIfFull();
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      int room = Math.min(length, PART_BYTES - part.size());
      part.write(bytes, offset, room);
      offset += room;
      length -= room;
      uploadIfFull();
    }
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    if (failed) {
      abort();
      throw new IOException("an earlier write to " + target.withKey(target.key()) + " failed");
    }
    try {
      if (uploadId == null) {
        client.putObject(put -> S3Objects.encrypt(put.bucket(target.bucket()).key(target.key())
            .contentType(contentType), kmsKeyArn), RequestBody.fromBytes(part.toByteArray()));
        return;
      }
      if (part.size() > 0) {
        uploadPart();
      }
      client.completeMultipartUpload(complete -> complete.bucket(target.bucket()).key(target.key())
          .uploadId(uploadId).multipartUpload(upload -> upload.parts(uploaded)));
    } catch (SdkException e) {
      abort();
      throw new IOException("cannot write " + target.withKey(target.key()) + ": " + e.getMessage(), e);
    }
  }

  private void uploadIfFull() throws IOException {
    if (part.size() < PART_BYTES) {
      return;
    }
    try {
      if (uploadId == null) {
        uploadId = client.createMultipartUpload(create -> S3Objects.encrypt(create.bucket(target.bucket())
            .key(target.key()).contentType(contentType), kmsKeyArn)).uploadId();
      }
      uploadPart();
    } catch (SdkException e) {
      failed = true;
      throw new IOException("cannot write " + target.withKey(target.key()) + ": " + e.getMessage(), e);
    }
  }

  private void uploadPart() {
    int number = uploaded.size() + 1;
    byte[] bytes = part.toByteArray();
    part.reset();
    UploadPartResponse response = client.uploadPart(upload -> upload.bucket(target.bucket()).key(target.key())
        .uploadId(uploadId).partNumber(number),
        RequestBody.fromInputStream(new ByteArrayInputStream(bytes), bytes.length));
    uploaded.add(CompletedPart.builder().partNumber(number).eTag(response.eTag()).build());
  }

  /** Drops the parts uploaded so far, so that a failed write leaves nothing billed behind. */
  private void abort() {
    if (uploadId != null) {
      try {
        client.abortMultipartUpload(abort -> abort.bucket(target.bucket()).key(target.key()).uploadId(uploadId));
      } catch (SdkException ignored) {
        // The bucket's lifecycle rules remove what is left of an upload that could not be aborted.
      }
    }
  }
}
