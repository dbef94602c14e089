package io.segmentbeam.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The access keys {@code serve} checks signatures with, read from a file in the AWS shared
 * credentials format: each profile's {@code aws_access_key_id} and {@code aws_secret_access_key}.
 * A file, not options, so that no secret shows in a process listing; no secret is ever printed.
 */
public final class AccessKeys {
  private AccessKeys() {}

  /** Access key id to secret, for every profile of the file that has both. */
  public static Map<String, String> read(Path file) throws IOException {
    Map<String, String> keys = new HashMap<>();
    String id = null;
    String secret = null;
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.strip();
      if (trimmed.startsWith("[")) {
        put(keys, id, secret);
        id = null;
        secret = null;
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals < 0 || trimmed.startsWith("#") || trimmed.startsWith(";")) {
        continue;
      }
      String name = trimmed.substring(0, equals).strip();
      String value = trimmed.substring(equals + 1).strip();
      if (name.equals("aws_access_key_id")) {
        id = value;
      } else if (name.equals("aws_secret_access_key")) {
        secret = value;
      }
    }
    put(keys, id, secret);
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("--credentials-file " + file + " holds no profile with both "
          + "aws_access_key_id and aws_secret_access_key");
    }
    return keys;
  }

  private static void put(Map<String, String> keys, String id, String secret) {
    if (id != null && secret != null) {
      keys.put(id, secret);
    }
  }
}
