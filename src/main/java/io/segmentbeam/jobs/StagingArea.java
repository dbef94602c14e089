package io.segmentbeam.jobs;

import io.segmentbeam.api.DataLocations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * The folder a job stages its output files in, removed whether the job succeeds or fails; and
 * the removal of what a failed job wrote.
 */
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
    deleteMatching(directory + "**", metadata -> true);
  }

  /**
   * Removes a folder a failed job wrote in (a staging folder, an unfinished dataset version, an
   * export's files). What cannot be removed is left, with a warning on stderr naming it.
   */
  static void deleteOrWarn(String directory) {
    try {
      delete(directory);
    } catch (IOException | RuntimeException e) {
      System.err.println("warning: could not remove the unfinished files under " + directory + ": "
          + JobFailure.rootMessage(e));
    }
  }

  /**
   * Removes the {@code .out} files under the output folder that were written at or after
   * {@code startMillis}: what a failed job had finished before it failed.
   */
  static void deleteOutputsWrittenSince(String outputDirectory, long startMillis) throws IOException {
    deleteMatching(outputDirectory + "**", metadata -> metadata.resourceId().toString().endsWith(".out")
        && metadata.lastModifiedMillis() >= startMillis);
  }

  private static void deleteMatching(String pattern, Predicate<MatchResult.Metadata> which) throws IOException {
    MatchResult match = FileSystems.match(pattern, EmptyMatchTreatment.ALLOW);
    if (match.status() == MatchResult.Status.ERROR) {
      // metadata() throws the listing's own error, which says why the storage could not be listed.
      match.metadata();
      throw new IOException("cannot list " + pattern);
    }
    if (match.status() != MatchResult.Status.OK) {
      return;
    }
    List<ResourceId> files = match.metadata().stream().filter(which).map(MatchResult.Metadata::resourceId).toList();
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
  }
}
