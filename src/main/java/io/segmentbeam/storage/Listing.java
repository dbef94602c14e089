package io.segmentbeam.storage;

import io.segmentbeam.api.DataLocations;
import io.segmentbeam.s3.S3Buckets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * What is stored under a location, read literally: no character of a path is a pattern, so
 * {@code in[1]/}, {@code star*} or a key with spaces mean exactly those names. Walks are bounded:
 * symbolic links to folders are not followed, special files (FIFOs, devices, sockets) and empty
 * files (S3 folder markers) are skipped, and a listing that meets more than {@link #MAX_ENTRIES}
 * entries, or finds more than {@link #MAX_FILES} files, fails instead of running on.
 */
public final class Listing {
  /** The most files one listing returns: the input files of a job, the files of a dataset folder. */
  public static final int MAX_FILES = 10_000;
  /** The most entries (files, folders, links, skipped ones) one listing looks at. */
  public static final int MAX_ENTRIES = 100_000;
  /** Folders SegmentBeam jobs stage their output in: never anybody's input. */
  public static final String STAGING_PREFIX = ".segmentbeam-staging-";

  private Listing() {}

  /**
   * Every file whose path starts with {@code prefix}, in any subfolder, in path order. A prefix
   * ending in {@code /} is a folder; {@code data/in} also holds {@code data/in_test/x.json}.
   * Folders that jobs stage output in are left out.
   */
  public static List<ListedFile> under(String prefix, PipelineOptions options) throws ListingException {
    return S3Buckets.isS3(prefix) ? S3Listing.list(prefix, true, options) : LocalListing.list(prefix, true);
  }

  /**
   * The file at {@code location}, or the data files directly in it when it ends in {@code /}
   * (names starting with {@code _} or {@code .} are markers and hidden files, left out), in path
   * order: how model and dataset locations are read. Local locations are listed literally, and a
   * missing one is simply empty; {@code s3://} ones through Beam's S3 file system with the
   * process's options, which reads {@code * ? [ {} in their keys as patterns.
   */
  public static List<ListedFile> files(String location) throws IOException {
    if (!S3Buckets.isS3(location)) {
      return dataFiles(local(location));
    }
    List<ListedFile> files = new ArrayList<>();
    MatchResult match = FileSystems.match(location.endsWith("/") ? location + "*" : location,
        EmptyMatchTreatment.ALLOW);
    if (match.status() == MatchResult.Status.OK) {
      for (MatchResult.Metadata metadata : match.metadata()) {
        files.add(new ListedFile(metadata.resourceId().toString(), metadata.sizeBytes()));
      }
    }
    return dataFiles(files);
  }

  /**
   * The file a job's request names, or the data files directly in the folder it names (ending in
   * {@code /}), listed literally on S3 too, with the S3 access of {@code options}. A file named
   * outright is taken whatever its name.
   */
  public static List<ListedFile> files(String location, PipelineOptions options) throws IOException {
    boolean folder = location.endsWith("/");
    if (!S3Buckets.isS3(location)) {
      return folder ? dataFiles(local(location)) : local(location);
    }
    if (folder) {
      return dataFiles(S3Listing.list(location, false, options));
    }
    return S3Listing.list(location, true, options).stream().filter(file -> file.path().equals(location)).toList();
  }

  private static List<ListedFile> local(String location) throws IOException {
    if (location.endsWith("/")) {
      return LocalListing.list(location, false);
    }
    Path file = Path.of(DataLocations.absoluteLocal(location));
    return Files.isRegularFile(file) ? List.of(new ListedFile(file.toString(), Files.size(file))) : List.of();
  }

  /** Leaves out markers and hidden files, and puts the rest in path order. */
  private static List<ListedFile> dataFiles(List<ListedFile> listed) {
    List<ListedFile> files = new ArrayList<>(listed);
    files.removeIf(file -> {
      String name = file.path().substring(file.path().lastIndexOf('/') + 1);
      return name.isEmpty() || name.startsWith("_") || name.startsWith(".");
    });
    files.sort(Comparator.comparing(ListedFile::path));
    return files;
  }

  static ListingException tooMany(String prefix, String what, int bound) {
    return new ListingException("Listing " + prefix + " found more than " + String.format("%,d", bound) + " " + what
        + "; SegmentBeam reads at most " + String.format("%,d", MAX_FILES) + " files and looks at "
        + String.format("%,d", MAX_ENTRIES) + " entries under one prefix. Point the path at a narrower prefix.");
  }
}
