package io.segmentbeam.storage;

import io.segmentbeam.s3.S3Buckets;
import java.util.List;
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

  /** The files directly in {@code folder} (a path ending in {@code /}), in name order. */
  public static List<ListedFile> in(String folder, PipelineOptions options) throws ListingException {
    return S3Buckets.isS3(folder) ? S3Listing.list(folder, false, options) : LocalListing.list(folder, false);
  }

  static ListingException tooMany(String prefix, String what, int bound) {
    return new ListingException("Listing " + prefix + " found more than " + String.format("%,d", bound) + " " + what
        + "; SegmentBeam reads at most " + String.format("%,d", MAX_FILES) + " files and looks at "
        + String.format("%,d", MAX_ENTRIES) + " entries under one prefix. Point the path at a narrower prefix.");
  }
}
