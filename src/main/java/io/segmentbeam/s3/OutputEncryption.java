package io.segmentbeam.s3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.aws2.options.S3Options;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.options.PipelineOptions;

/** SSE-KMS for what a job writes to S3 under its destination's {@code kmsKeyArn}. */
public final class OutputEncryption {
  private OutputEncryption() {}

  /**
   * Every object written with these options (staged files, and the files they become) is stored
   * with SSE-KMS under the key, the algorithm header sent explicitly: with a key id alone, S3
   * would not use it. Local files cannot carry a key; it is only recorded.
   */
  public static PipelineOptions apply(PipelineOptions options, String kmsKeyArn) {
    if (kmsKeyArn != null) {
      S3Options s3 = options.as(S3Options.class);
      s3.setSSEAlgorithm("aws:kms");
      s3.setSSEKMSKeyId(kmsKeyArn);
    }
    return options;
  }

  /**
   * Writes and removes one empty object under {@code folder} with the options last given to
   * FileSystems, so that a key S3 refuses fails a job before it writes anything.
   */
  public static void probe(String folder, String name) throws IOException {
    ResourceId probe = FileSystems.matchNewResource(folder + name, false);
    try (WritableByteChannel channel = FileSystems.create(probe, "application/octet-stream")) {
      channel.write(ByteBuffer.allocate(0));
    }
    FileSystems.delete(List.of(probe), MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }
}
