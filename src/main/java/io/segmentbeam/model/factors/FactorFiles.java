package io.segmentbeam.model.factors;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.api.DataLocations;
import io.segmentbeam.storage.ListedFile;
import io.segmentbeam.storage.Listing;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * Reads factor files: JSON lines {@code {"id": ..., "features": [...]}}, the form Spark ALS
 * writes with {@code model.userFactors().write().json(path)}. A location is one file, or a folder
 * ending in {@code /} whose files are all read except those starting with {@code _} or {@code .}
 * (Spark's {@code _SUCCESS} and checksum files). Ids may be strings or integers.
 */
public final class FactorFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FactorFiles() {}

  /**
   * Copies the vectors at {@code from} (JSON lines or {@code .sbf}) to {@code to}, in the compact
   * format when {@code to} ends in {@code .sbf}, else as JSON lines; returns how many rows.
   */
  public static int convert(String from, String to) throws IOException {
    FactorTable table = read(from);
    String[] ids = new String[table.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = table.id(i);
    }
    if (to.endsWith(BinaryFactorFiles.SUFFIX)) {
      BinaryFactorFiles.write(to, ids, table.rows(), table.dimensions());
    } else {
      write(to, ids, table.rows(), table.dimensions());
    }
    return ids.length;
  }

  /** One shard of the vectors of a compact ({@code .sbf}) file; other formats cannot be split. */
  public static FactorTable readShard(String location, int shard, int shards) throws IOException {
    if (!location.endsWith(BinaryFactorFiles.SUFFIX)) {
      throw new IOException(location + ": users can be split into shards only from a compact factor file (.sbf)");
    }
    return BinaryFactorFiles.read(files(location).get(0), shard, shards);
  }

  /**
   * Reads every vector at a location; errors name the file and line. A single file ending in
   * {@code .sbf} is read as a compact binary factor file ({@link BinaryFactorFiles}).
   */
  public static FactorTable read(String location) throws IOException {
    if (location.endsWith(BinaryFactorFiles.SUFFIX)) {
      return readShard(location, 0, 1);
    }
    List<FactorRow> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int dimensions = -1;
    for (ResourceId file : files(location)) {
      try (BufferedReader reader = new BufferedReader(
          new InputStreamReader(Channels.newInputStream(FileSystems.open(file)), StandardCharsets.UTF_8))) {
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
          lineNumber++;
          if (line.isBlank()) {
            continue;
          }
          FactorRow row = parse(line, file + ":" + lineNumber);
          if (dimensions < 0) {
            dimensions = row.features().length;
          } else if (row.features().length != dimensions) {
            throw new IOException(file + ":" + lineNumber + ": features has " + row.features().length
                + " values, earlier rows have " + dimensions);
          }
          if (!seen.add(row.id())) {
            throw new IOException(file + ":" + lineNumber + ": id \"" + row.id() + "\" appears twice");
          }
          rows.add(row);
        }
      }
    }
    return FactorTable.of(rows, Math.max(dimensions, 0));
  }

  /**
   * Writes vectors as a factor file, one {@code {"id": ..., "features": [...]}} line per id, in
   * the order given.
   *
   * @param location a local path or a URI such as {@code s3://bucket/model/user-factors.jsonl}
   * @param vectors row-major, {@code dimensions} values per id
   */
  public static void write(String location, String[] ids, float[] vectors, int dimensions) throws IOException {
    try (Writer out = new BufferedWriter(Channels.newWriter(create(location, "application/json"),
        StandardCharsets.UTF_8))) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < ids.length; i++) {
        line.setLength(0);
        line.append("{\"id\": \"").append(JsonStringEncoder.getInstance().quoteAsString(ids[i]))
            .append("\", \"features\": [");
        for (int f = 0; f < dimensions; f++) {
          line.append(f == 0 ? "" : ", ").append(vectors[i * dimensions + f]);
        }
        out.append(line).append("]}\n");
      }
    }
  }

  /** A new file at a local path (its folders made) or a URI, for a factor file's writer. */
  static WritableByteChannel create(String location, String mimeType) throws IOException {
    if (DataLocations.isLocal(location)) {
      Files.createDirectories(Path.of(DataLocations.absoluteLocal(location)).getParent());
    }
    return FileSystems.create(FileSystems.matchNewResource(location, false), mimeType);
  }

  private static List<ResourceId> files(String location) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (ListedFile file : Listing.files(location)) {
      files.add(FileSystems.matchNewResource(file.path(), false));
    }
    if (files.isEmpty()) {
      throw new FileNotFoundException("no factor file at " + location);
    }
    return files;
  }

  private static FactorRow parse(String line, String where) throws IOException {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (IOException e) {
      throw new IOException(where + ": not a JSON object", e);
    }
    JsonNode id = node.path("id");
    if (!id.isTextual() && !id.isIntegralNumber()) {
      throw new IOException(where + ": \"id\" must be a string or an integer");
    }
    JsonNode features = node.path("features");
    if (!features.isArray()) {
      throw new IOException(where + ": \"features\" must be an array of numbers");
    }
    float[] vector = new float[features.size()];
    for (int i = 0; i < vector.length; i++) {
      JsonNode value = features.get(i);
      if (!value.isNumber() || !Float.isFinite(value.floatValue())) {
        throw new IOException(where + ": features[" + i + "] is not a finite number");
      }
      vector[i] = value.floatValue();
    }
    return new FactorRow(id.asText(), vector);
  }
}
