package io.segmentbeam.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.api.ApiRules;
import io.segmentbeam.api.Recipe;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.model.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Which model a solution version ARN stands for. Each {@code *.json} file in the registry folder
 * ({@code pipelines/solution-versions/} by default) declares one solution version:
 *
 * <pre>{@code
 * {
 *   "solutionVersionArn": "arn:aws:personalize:us-east-1:123456789012:solution/movies/1a2b3c4d",
 *   "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
 *   "model": {"type": "latent-factors", "userFactors": "users.jsonl", "itemFactors": "items.jsonl"},
 *   "itemsDataset": {"dataLocation": "items.csv", "schemaLocation": "items-schema.json"}
 * }
 * }</pre>
 *
 * {@code itemsDataset} is required by Item-Attribute-Affinity, whose queries are matched against
 * item attributes. Relative locations are resolved against the declaring file's folder.
 */
public final class SolutionVersionRegistry {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final Map<String, SolutionVersion> byArn;

  private SolutionVersionRegistry(Map<String, SolutionVersion> byArn) {
    this.byArn = byArn;
  }

  /** Reads every declaration in {@code folder}; a missing folder is an empty registry. */
  public static SolutionVersionRegistry load(Path folder) {
    Map<String, SolutionVersion> byArn = new HashMap<>();
    if (Files.isDirectory(folder)) {
      try (Stream<Path> files = Files.list(folder)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
          SolutionVersion version = read(file);
          SolutionVersion earlier = byArn.putIfAbsent(version.solutionVersionArn(), version);
          if (earlier != null) {
            throw new IllegalArgumentException(file + ": solution version " + version.solutionVersionArn()
                + " is declared twice");
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read solution versions in " + folder, e);
      }
    }
    return new SolutionVersionRegistry(byArn);
  }

  public Optional<SolutionVersion> find(String solutionVersionArn) {
    return Optional.ofNullable(byArn.get(solutionVersionArn));
  }

  private record Declaration(String solutionVersionArn, String recipeArn, Map<String, String> model,
      DatasetFiles itemsDataset) {}

  private static SolutionVersion read(Path file) throws IOException {
    Declaration declaration;
    try {
      declaration = JSON.readValue(file.toFile(), Declaration.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not a solution version declaration: " + e.getOriginalMessage(), e);
    }
    String arn = declaration.solutionVersionArn();
    if (!ApiRules.ARN.accepts(arn)) {
      throw new IllegalArgumentException(file + ": \"solutionVersionArn\" must be a Personalize ARN, got " + arn);
    }
    Recipe recipe = Recipe.fromArn(declaration.recipeArn()).orElseThrow(() -> new IllegalArgumentException(
        file + ": \"recipeArn\" must be one of " + List.of(Recipe.ITEM_AFFINITY.arn(),
            Recipe.ITEM_ATTRIBUTE_AFFINITY.arn()) + ", got " + declaration.recipeArn()));
    Map<String, String> model = declaration.model() == null ? Map.of() : new HashMap<>(declaration.model());
    String type = model.remove("type");
    if (type == null) {
      throw new IllegalArgumentException(file + ": \"model.type\" is required");
    }
    String base = file.toAbsolutePath().getParent().toString() + "/";
    ModelSpec spec = new ModelSpec(type, base, model);
    DatasetFiles items = declaration.itemsDataset();
    if (items != null) {
      if (items.dataLocation() == null || items.schemaLocation() == null) {
        throw new IllegalArgumentException(file + ": \"itemsDataset\" needs \"dataLocation\" and \"schemaLocation\"");
      }
      items = new DatasetFiles(spec.resolve(items.dataLocation()), spec.resolve(items.schemaLocation()));
    } else if (recipe == Recipe.ITEM_ATTRIBUTE_AFFINITY) {
      throw new IllegalArgumentException(file + ": an Item-Attribute-Affinity solution version needs "
          + "\"itemsDataset\" to match its queries against");
    }
    return new SolutionVersion(arn, recipe, spec, items);
  }
}
