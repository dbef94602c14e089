package io.segmentbeam.s3;

/**
 * An {@code s3://bucket/key} location split by hand rather than as a URI, so that keys with
 * spaces, brackets, {@code %} or any Unicode are taken exactly as written.
 */
public record S3Location(String bucket, String key) {
  private static final String SCHEME = "s3://";

  public static S3Location parse(String location) {
    if (!location.startsWith(SCHEME)) {
      throw new IllegalArgumentException("not an s3:// location: " + location);
    }
    int slash = location.indexOf('/', SCHEME.length());
    return slash < 0 ? new S3Location(location.substring(SCHEME.length()), "")
        : new S3Location(location.substring(SCHEME.length(), slash), location.substring(slash + 1));
  }

  /** The location of another key in the same bucket. */
  public String withKey(String otherKey) {
    return SCHEME + bucket + "/" + otherKey;
  }
}
