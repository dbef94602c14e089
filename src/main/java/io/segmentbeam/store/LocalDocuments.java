package io.segmentbeam.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Documents in a local folder. Content goes to a temporary file beside the target first, then
 * appears under the target name in one file-system operation: a hard link for a create (atomic,
 * and refused when the name exists, so of many concurrent creators exactly one wins), an atomic
 * move for a replace.
 */
public final class LocalDocuments implements Documents {
  private final Path folder;

  public LocalDocuments(Path folder) {
    this.folder = folder;
  }

  @Override
  public void create(String name, byte[] content) throws IOException {
    createFolder();
    Path temp = writeTemp(name, content);
    try {
      Files.createLink(folder.resolve(name), temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void replace(String name, byte[] content) throws IOException {
    createFolder();
    Path temp = writeTemp(name, content);
    try {
      Files.move(temp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public void delete(String name) throws IOException {
    Files.deleteIfExists(folder.resolve(name));
  }

  @Override
  public Optional<byte[]> read(String name) throws IOException {
    try {
      return Optional.of(Files.readAllBytes(folder.resolve(name)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<String> names(String suffix) throws IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(suffix) && !isTemporary(name)).sorted().toList();
    }
  }

  @Override
  public Documents folder(String name) {
    return new LocalDocuments(folder.resolve(name));
  }

  @Override
  public String location() {
    return folder.toString();
  }

  /**
   * Makes the folder. A file where a folder belongs is reported as such, not as the
   * FileAlreadyExistsException that a create of an existing document throws.
   */
  private void createFolder() throws IOException {
    try {
      Files.createDirectories(folder);
    } catch (FileAlreadyExistsException e) {
      throw new NotDirectoryException(e.getFile());
    }
  }

  /** Temporary files start with a dot and end in .tmp, so that listings skip them. */
  private static boolean isTemporary(String name) {
    return name.startsWith(".") && name.endsWith(".tmp");
  }

  private Path writeTemp(String name, byte[] content) throws IOException {
    Path temp = folder.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
    Files.write(temp, content);
    return temp;
  }
}
