package io.segmentbeam.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes that other processes see whole or not at all: content goes to a temporary file beside
 * the target first, then appears under the target name in one file-system operation.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Creates {@code target} with {@code content} unless it exists. A hard link is atomic and
   * refuses an existing name, so of many concurrent creators exactly one wins.
   *
   * @throws java.nio.file.FileAlreadyExistsException if the target exists
   */
  static void createExclusive(Path target, byte[] content) throws IOException {
    Path temp = writeTemp(target, content);
    try {
      Files.createLink(target, temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Replaces {@code target} with {@code content}. */
  static void replace(Path target, byte[] content) throws IOException {
    Path temp = writeTemp(target, content);
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Temporary files start with a dot and end in .tmp, so that listings can skip them. */
  static boolean isTemporary(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith(".") && name.endsWith(".tmp");
  }

  private static Path writeTemp(Path target, byte[] content) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    Files.write(temp, content);
    return temp;
  }
}
