package io.segmentbeam.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A folder of small documents the store keeps: job and filter metadata, the page token key. A
 * local folder or an S3 prefix; on both, a create is exclusive across processes and a replace is
 * seen whole or not at all.
 */
public interface Documents {

  /**
   * Creates a document unless one of that name exists.
   *
   * @throws java.nio.file.FileAlreadyExistsException if it exists
   */
  void create(String name, byte[] content) throws IOException;

  /** Replaces a document's content. */
  void replace(String name, byte[] content) throws IOException;

  /** Removes a document; one that is not there is already removed. */
  void delete(String name) throws IOException;

  /** A document's content, or empty if there is none of that name. */
  Optional<byte[]> read(String name) throws IOException;

  /** The names of the documents directly in this folder whose names end with {@code suffix}. */
  List<String> names(String suffix) throws IOException;

  /** A folder inside this one. */
  Documents folder(String name);

  /** Where the folder is, for messages. */
  String location();
}
