package io.segmentbeam.api;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Data paths: S3 URIs as the API model defines them, plus, as a local extension, {@code file://}
 * URIs and plain file-system paths (absolute, or relative to the working directory).
 */
public final class DataLocations {
  private static final Pattern URI_SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");

  private DataLocations() {}

  public static boolean isLocal(String path) {
    return path.startsWith("file:") || !URI_SCHEME.matcher(path).find();
  }

  /**
   * A local path or {@code file://} URI as an absolute, normalized path; a trailing {@code /}
   * (which makes a prefix a folder) is kept.
   */
  public static String absoluteLocal(String path) {
    String plain = path.startsWith("file://") ? path.substring("file://".length()) : path;
    String absolute = Path.of(plain).toAbsolutePath().normalize().toString();
    return plain.endsWith("/") && !absolute.endsWith("/") ? absolute + "/" : absolute;
  }

  /**
   * A location as written in a file in {@code folder}: absolute paths and URIs stay as they are,
   * relative ones are resolved against the folder (appended to it, when the folder is a URI ending
   * in {@code /}). A trailing
   * {@code /}, which makes a location a folder, is kept.
   */
  public static String resolve(String folder, String location) {
    if (location.contains("://") || location.startsWith("/") || folder == null) {
      return location;
    }
    if (folder.contains("://")) {
      return folder + location;
    }
    String resolved = Path.of(folder).resolve(location).normalize().toString();
    return location.endsWith("/") ? resolved + "/" : resolved;
  }
}
