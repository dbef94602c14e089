package io.segmentbeam.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The sample as it is deployed for a cluster, whose workers share no disk with the client: its
 * models and datasets under {@code s3://<bucket>/sample-data/}, and declarations of its solution
 * versions, filters and dataset group that name them there.
 */
final class SampleOnS3 {
  private SampleOnS3() {}

  /** Uploads the sample's files and writes the declarations under {@code declarations}; returns it. */
  static Path upload(S3Client s3, String bucket, Path declarations) throws IOException {
    for (String folder : List.of("models", "datasets")) {
      try (var files = Files.walk(Path.of("sample-data", folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String key = "sample-data/" + Path.of("sample-data").relativize(file).toString().replace('\\', '/');
          s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
        }
      }
    }
    for (String kind : List.of("solution-versions", "filters", "dataset-groups")) {
      Path target = Files.createDirectories(declarations.resolve(kind));
      try (var files = Files.list(Path.of("pipelines", kind))) {
        for (Path file : files.toList()) {
          Files.writeString(target.resolve(file.getFileName()),
              Files.readString(file).replace("../../sample-data/", "s3://" + bucket + "/sample-data/"));
        }
      }
    }
    return declarations;
  }
}
