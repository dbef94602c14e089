package io.segmentbeam.testing;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a folder holds, to compare before and after a job: every entry by relative path, with a
 * digest of each file's bytes, its modification time, and each link's target (links are not followed).
 */
public final class FolderSnapshot {
  private FolderSnapshot() {}

  public static Map<String, String> of(Path root) throws IOException {
    Map<String, String> entries = new TreeMap<>();
    if (!Files.exists(root)) {
      return entries;
    }
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
        entries.put(root.relativize(directory) + "/", "folder");
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        entries.put(root.relativize(file).toString(), attributes.isSymbolicLink()
            ? "link to " + Files.readSymbolicLink(file)
            : attributes.isRegularFile() ? "file " + sha256(Files.readAllBytes(file)) + " " + attributes.lastModifiedTime()
            : "other");
        return FileVisitResult.CONTINUE;
      }
    });
    return entries;
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
