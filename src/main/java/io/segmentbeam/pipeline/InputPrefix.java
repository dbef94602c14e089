package io.segmentbeam.pipeline;

import io.segmentbeam.api.DataLocations;
import java.io.Serializable;

/**
 * A job's input path read the way Personalize reads it: as a prefix. {@code s3://b/folder} also
 * matches {@code s3://b/folder_test/x.json}; {@code s3://b/folder/} only what is inside the folder.
 * Output files are named after the input file's path relative to the prefix's folder, so that
 * files of the same name in different subfolders do not collide.
 *
 * @param filePattern the Beam file pattern that matches every file under the prefix
 * @param baseFolder the folder that output names are relative to, ending in {@code /}
 */
public record InputPrefix(String filePattern, String baseFolder) implements Serializable {

  public static InputPrefix of(String path) {
    String prefix = DataLocations.isLocal(path) ? DataLocations.absoluteLocal(path) : path;
    int slash = prefix.lastIndexOf('/');
    return new InputPrefix(prefix + "**", prefix.substring(0, slash + 1));
  }

  /** The name an input file's output is given, without the {@code .out} suffix. */
  public String relativeName(String file) {
    return file.startsWith(baseFolder) ? file.substring(baseFolder.length()) : file;
  }
}
