package io.segmentbeam.jobs;

import io.segmentbeam.api.DataLocations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/** The folder a job stages its output files in, removed whether the job succeeds or fails. */
final class StagingArea {
  private StagingArea() {}

  static String of(String outputDirectory, String jobName) {
    return outputDirectory + ".segmentbeam-staging-" + jobName + "/";
  }

  static void delete(String directory) throws IOException {
    if (DataLocations.isLocal(directory)) {
      Path root = Path.of(directory);
      if (!Files.exists(root)) {
        return;
      }
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
      }
      return;
    }
    MatchResult match = FileSystems.match(directory + "**", EmptyMatchTreatment.ALLOW);
    if (match.status() == MatchResult.Status.OK) {
      List<ResourceId> files = match.metadata().stream().map(MatchResult.Metadata::resourceId).toList();
      FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
  }
}
