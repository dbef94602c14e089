package io.segmentbeam.s3;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Object requests that carry a job's KMS key: SSE-KMS with the algorithm sent explicitly (with a
 * key id alone, S3 would not use it), and copies that keep the key, whatever the object's size.
 */
public final class S3Objects {
  /** The largest object one CopyObject copies; larger ones are copied part by part. */
  static final long COPY_LIMIT_BYTES = 5L << 30;
  /** The size of each part of a multipart copy. */
  static final long COPY_PART_BYTES = 512L << 20;

  private S3Objects() {}

  static PutObjectRequest.Builder encrypt(PutObjectRequest.Builder put, String kmsKeyArn) {
    return kmsKeyArn == null ? put : put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyArn);
  }

  static CreateMultipartUploadRequest.Builder encrypt(CreateMultipartUploadRequest.Builder create, String kmsKeyArn) {
    return kmsKeyArn == null ? create
        : create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyArn);
  }

  private static CopyObjectRequest.Builder encrypt(CopyObjectRequest.Builder copy, String kmsKeyArn) {
    return kmsKeyArn == null ? copy : copy.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(kmsKeyArn);
  }

  /**
   * Copies one object to another key, stored under {@code kmsKeyArn} (or the bucket's default
   * when null): with one CopyObject up to 5 GiB, part by part above.
   */
  public static void copy(S3Client client, S3Location from, S3Location to, String kmsKeyArn) {
    long size = client.headObject(head -> head.bucket(from.bucket()).key(from.key())).contentLength();
    if (size <= COPY_LIMIT_BYTES) {
      client.copyObject(copy -> encrypt(copy.sourceBucket(from.bucket()).sourceKey(from.key())
          .destinationBucket(to.bucket()).destinationKey(to.key()), kmsKeyArn));
      return;
    }
    String uploadId = client.createMultipartUpload(create -> encrypt(create.bucket(to.bucket()).key(to.key()),
        kmsKeyArn)).uploadId();
    try {
      List<CompletedPart> parts = new ArrayList<>();
      for (long start = 0; start < size; start += COPY_PART_BYTES) {
        int number = parts.size() + 1;
        String range = "bytes=" + start + "-" + (Math.min(start + COPY_PART_BYTES, size) - 1);
        String eTag = client.uploadPartCopy(part -> part.sourceBucket(from.bucket()).sourceKey(from.key())
            .destinationBucket(to.bucket()).destinationKey(to.key()).uploadId(uploadId).partNumber(number)
            .copySourceRange(range)).copyPartResult().eTag();
        parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
      }
      client.completeMultipartUpload(complete -> complete.bucket(to.bucket()).key(to.key()).uploadId(uploadId)
          .multipartUpload(upload -> upload.parts(parts)));
    } catch (RuntimeException e) {
      client.abortMultipartUpload(abort -> abort.bucket(to.bucket()).key(to.key()).uploadId(uploadId));
      throw e;
    }
  }
}
