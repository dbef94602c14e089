package io.segmentbeam.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.api.DataLocations;
import io.segmentbeam.dataset.DatasetFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Resources declared as JSON files in a folder of {@code pipelines/}, one per file, keyed by ARN.
 * Unknown members are refused so that a misspelt key is not silently ignored.
 */
final class Declarations {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private Declarations() {}

  /** Reads one declaration file into its checked resource. */
  interface Reader<D, T> {
    T read(Path file, D declaration);
  }

  /** Every {@code *.json} in {@code folder}, by ARN; a missing folder holds none. */
  static <D, T> Map<String, T> load(Path folder, String what, Class<D> shape, Reader<D, T> reader,
      Function<T, String> arnOf) {
    Map<String, T> byArn = new HashMap<>();
    if (!Files.isDirectory(folder)) {
      return byArn;
    }
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        D declaration;
        try {
          declaration = JSON.readValue(file.toFile(), shape);
        } catch (JsonProcessingException e) {
          throw new IllegalArgumentException(file + ": not a " + what + " declaration: " + e.getOriginalMessage(), e);
        }
        T resource = reader.read(file, declaration);
        if (byArn.putIfAbsent(arnOf.apply(resource), resource) != null) {
          throw new IllegalArgumentException(file + ": " + what + " " + arnOf.apply(resource) + " is declared twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what + "s in " + folder, e);
    }
    return byArn;
  }

  /** A dataset's files with relative locations resolved against the declaring file's folder. */
  static DatasetFiles resolve(Path file, String member, DatasetFiles files) {
    if (files.dataLocation() == null || files.schemaLocation() == null) {
      throw new IllegalArgumentException(file + ": \"" + member + "\" needs \"dataLocation\" and \"schemaLocation\"");
    }
    return new DatasetFiles(resolve(file, files.dataLocation()), resolve(file, files.schemaLocation()));
  }

  static String resolve(Path file, String location) {
    return DataLocations.resolve(file.toAbsolutePath().getParent().toString(), location);
  }
}
