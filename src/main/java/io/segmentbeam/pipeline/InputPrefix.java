package io.segmentbeam.pipeline;

import io.segmentbeam.api.DataLocations;
import io.segmentbeam.storage.ListedFile;
import io.segmentbeam.storage.Listing;
import io.segmentbeam.storage.ListingException;
import java.io.Serializable;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A job's input path read the way Personalize reads it: as a literal prefix. {@code s3://b/folder}
 * also matches {@code s3://b/folder_test/x.json}; {@code s3://b/folder/} only what is inside the
 * folder. Output files are named after the input file's path relative to the prefix's folder, so
 * that files of the same name in different subfolders do not collide.
 *
 * @param prefix the prefix, local paths made absolute
 * @param baseFolder the folder that output names are relative to, ending in {@code /}
 */
public record InputPrefix(String prefix, String baseFolder) implements Serializable {

  public static InputPrefix of(String path) {
    String prefix = DataLocations.isLocal(path) ? DataLocations.absoluteLocal(path) : path;
    int slash = prefix.lastIndexOf('/');
    return new InputPrefix(prefix, prefix.substring(0, slash + 1));
  }

  /**
   * The input files: every non-empty file under the prefix, read literally (empty objects are S3
   * folder markers). Listed once, before the job writes anything, so it never reads its own output.
   */
  public List<ListedFile> files(PipelineOptions options) throws ListingException {
    return Listing.under(prefix, options).stream().filter(file -> file.sizeBytes() > 0).toList();
  }

  /** The name an input file's output is given, without the {@code .out} suffix. */
  public String relativeName(String file) {
    return file.startsWith(baseFolder) ? file.substring(baseFolder.length()) : file;
  }
}
