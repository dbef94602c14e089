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
}
