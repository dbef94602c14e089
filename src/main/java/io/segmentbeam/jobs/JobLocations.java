package io.segmentbeam.jobs;

import io.segmentbeam.api.DataLocations;
import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.storage.StorageSession;
import io.segmentbeam.pipeline.SegmentJobOptions;
import io.segmentbeam.s3.S3Buckets;
import io.segmentbeam.storage.FolderRemoval;
import io.segmentbeam.storage.StagingFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.beam.sdk.options.PipelineOptions;

/** Checks on the places a job reads and writes, made before its pipeline starts, naming the request member. */
final class JobLocations {
  private JobLocations() {}

  /** The bucket of an S3 location a job reads exists and can be reached. */
  static void checkReadable(PipelineOptions options, String location, String field) throws JobFailure {
    if (S3Buckets.isS3(location)) {
      Optional<String> problem = S3Buckets.problem(options, location);
      if (problem.isPresent()) {
        throw new JobFailure("Cannot read " + field + " " + location + ": " + problem.get() + ".");
      }
    }
  }

  /**
   * A job can write under the folder: its bucket exists, or the local folder (or the nearest
   * folder above it that exists, where the job will make it) is a writable folder. Nothing is made here.
   */
  static void prepareOutput(PipelineOptions options, String folder, String field) throws JobFailure {
    if (S3Buckets.isS3(folder)) {
      Optional<String> problem = S3Buckets.problem(options, folder);
      if (problem.isPresent()) {
        throw new JobFailure("Cannot write to " + field + " " + folder + ": " + problem.get() + ".");
      }
      return;
    }
    Path existing = Path.of(folder);
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      throw new JobFailure("Cannot write to " + field + " " + folder + ": " + existing + " is a file, not a folder.");
    }
    if (!Files.isWritable(existing)) {
      throw new JobFailure("Cannot write to " + field + " " + folder + ": the folder " + existing
          + " is not writable.");
    }
  }

  /**
   * Writes and removes one empty object in the job's S3 staging folder under its KMS key, so that
   * a key S3 refuses fails the job before it writes anything. Local output carries no key.
   */
  static void checkEncryptionKey(JobStorage storage, String stagingFolder) throws JobFailure {
    if (storage.kmsKeyArn() == null || !S3Buckets.isS3(stagingFolder)) {
      return;
    }
    try (StorageSession session = storage.open()) {
      session.write(stagingFolder + "kms-key-check", "application/octet-stream").close();
      session.delete(stagingFolder + "kms-key-check");
    } catch (IOException | RuntimeException e) {
      throw new JobFailure("The output storage refused to encrypt with jobOutput.s3DataDestination.kmsKeyArn "
          + storage.kmsKeyArn() + ": " + JobFailure.rootMessage(e) + ". Check that the key exists in the bucket's region and "
          + "that the job's role may use it.", e);
    }
  }

  /** A location as a folder: local paths made absolute, every path ending in {@code /}. */
  static String folder(String path) {
    String folder = DataLocations.isLocal(path) ? DataLocations.absoluteLocal(path) : path;
    return folder.endsWith("/") ? folder : folder + "/";
  }

  /** A location as the pipeline reads it: local paths made absolute, a trailing {@code /} kept. */
  static String absolute(String path) {
    return DataLocations.isLocal(path) ? DataLocations.absoluteLocal(path) : path;
  }

  /**
   * A new staging folder for one run of the job, under its output folder, recorded with the run
   * before it is made, so that it is removed if the run's process dies.
   */
  static StagingFolder stage(JobStorage storage, String outputFolder, String jobName, String field, JobRun run)
      throws JobFailure {
    StagingFolder staging = StagingFolder.plan(outputFolder, jobName, storage);
    run.staged(staging.folder(), outputFolder, staging.madeFolders());
    try {
      return staging.make();
    } catch (IOException | RuntimeException e) {
      throw new JobFailure("Cannot write to " + field + " " + outputFolder + ": cannot make the job's staging folder "
          + "there (" + JobFailure.rootMessage(e) + ").", e);
    }
  }

  /**
   * Removes a job's staging folder. While the storage cannot be reached (a server restart, a
   * network blip), it keeps trying for {@code --cleanupTimeoutSeconds}, then warns on stderr.
   */
  static void removeStaging(PipelineOptions options, StagingFolder staging) {
    long deadline = System.nanoTime() + options.as(SegmentJobOptions.class).getCleanupTimeoutSeconds() * 1_000_000_000L;
    for (long waitMillis = 250; ; waitMillis = Math.min(waitMillis * 2, 5_000)) {
      try {
        staging.remove();
        return;
      } catch (IOException | RuntimeException e) {
        if (System.nanoTime() > deadline) {
          System.err.println("warning: could not remove the job's staging folder " + staging.folder() + ": "
              + JobFailure.rootMessage(e));
          return;
        }
      }
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Removes a folder a failed job wrote in (an unfinished dataset version, an export's staging
   * folder). What cannot be removed is left, with a warning on stderr naming it.
   */
  static void removeOrWarn(PipelineOptions options, String folder) {
    try {
      FolderRemoval.remove(folder.endsWith("/") ? folder : folder + "/", options);
    } catch (IOException | RuntimeException e) {
      System.err.println("warning: could not remove the unfinished files under " + folder + ": "
          + JobFailure.rootMessage(e));
    }
  }
}
