package io.segmentbeam.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.store.Documents;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Where a dataset's records are kept in the store: its schema ({@code schema.json}) and one folder
 * per version of its records, each a complete copy written by one import or put, of dataset CSV
 * files named by their records' origin ({@code bulk-*.csv}, {@code put-*.csv}). A small document,
 * {@code current.json}, names the current version; replacing it is what makes a new version seen,
 * so a failed write leaves the dataset as it was. A new version is committed only if the version it
 * was made from is still current (checked just before the replace: a narrow window remains). Older versions stay, since solution versions
 * trained on them still name them.
 */
public final class DatasetVersions {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String POINTER = "current.json";

  private final Documents folder;
  private final String root;

  /** @param folder the dataset's folder in the store */
  public DatasetVersions(Documents folder) {
    this.folder = folder;
    String location = folder.location();
    this.root = location.endsWith("/") ? location : location + "/";
  }

  /** The location of the dataset's Avro schema. */
  public String schemaLocation() {
    return root + "schema.json";
  }

  /** Writes the dataset's schema, once, when the dataset is created. */
  public void writeSchema(String json) throws IOException {
    ResourceId file = FileSystems.matchNewResource(schemaLocation(), false);
    try (WritableByteChannel channel = FileSystems.create(file, "application/json")) {
      channel.write(ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** The current version's folder (ending in {@code /}), or empty before the first import or put. */
  public Optional<String> current() throws IOException {
    Optional<byte[]> pointer = folder.read(POINTER);
    if (pointer.isEmpty()) {
      return Optional.empty();
    }
    JsonNode node = JSON.readTree(pointer.get());
    return Optional.of(root + node.path("version").asText() + "/");
  }

  /** A folder for a new version, named after what writes it; not current until {@link #commit}. */
  public String newVersion(String writer) {
    return root + "v" + System.currentTimeMillis() + "-" + writer + "/";
  }

  /**
   * Makes a version written under {@link #newVersion} the current one, if the current version is
   * still {@code basedOn} (null: none), the one the new version was made from. Otherwise another
   * writer committed meanwhile, and committing would lose its records.
   *
   * @throws ConcurrentUpdateException when the current version is no longer {@code basedOn}
   */
  public void commit(String version, String basedOn) throws IOException {
    Optional<String> current = current();
    if (!current.equals(Optional.ofNullable(basedOn))) {
      throw new ConcurrentUpdateException("the current version is now " + current.orElse("none") + ", not "
          + (basedOn == null ? "none" : basedOn) + " as when this write started");
    }
    String name = version.substring(root.length(), version.length() - 1);
    folder.replace(POINTER, JSON.createObjectNode().put("version", name).toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Another writer made a new version of the dataset after this one started from the current version. */
  public static final class ConcurrentUpdateException extends IOException {
    private static final long serialVersionUID = 1L;

    ConcurrentUpdateException(String message) {
      super(message);
    }
  }

}
