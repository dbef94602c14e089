package io.segmentbeam.registry;

import io.segmentbeam.api.ApiRules;
import io.segmentbeam.api.Recipe;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.model.ModelSpec;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * item attributes. {@code metrics} (optional, name to number) is what GetSolutionMetrics answers;
 * training writes the figures it measured there. Relative locations are resolved against the declaring file's folder.
 */
public final class SolutionVersionRegistry implements SolutionVersionLookup {
  private final Path folder;
  private final Map<String, SolutionVersion> byArn;

  private SolutionVersionRegistry(Path folder, Map<String, SolutionVersion> byArn) {
    this.folder = folder;
    this.byArn = byArn;
  }

  /** Reads every declaration in {@code folder}; a missing folder is an empty registry. */
  public static SolutionVersionRegistry load(Path folder) {
    return new SolutionVersionRegistry(folder, Declarations.load(folder, "solution version", Declaration.class,
        SolutionVersionRegistry::read, SolutionVersion::solutionVersionArn));
  }

  @Override
  public Optional<SolutionVersion> find(String solutionVersionArn) {
    return Optional.ofNullable(byArn.get(solutionVersionArn));
  }

  @Override
  public String where() {
    return "declared in " + folder.toAbsolutePath().normalize();
  }

  /**
   * The versions declared in {@code folder}, read each time one is looked for: versions trained
   * with CreateSolutionVersion land there while a service runs.
   */
  public static SolutionVersionLookup trainedIn(Path folder) {
    return new SolutionVersionLookup() {
      @Override
      public Optional<SolutionVersion> find(String arn) {
        return load(folder).find(arn);
      }

      @Override
      public String where() {
        return "trained with CreateSolutionVersion (" + folder.toAbsolutePath().normalize() + ")";
      }
    };
  }

  private record Declaration(String solutionVersionArn, String recipeArn, Map<String, String> model,
      DatasetFiles itemsDataset, Map<String, Double> metrics) {}

  private static SolutionVersion read(Path file, Declaration declaration) {
    String arn = declaration.solutionVersionArn();
    if (!ApiRules.ARN.accepts(arn)) {
      throw new IllegalArgumentException(file + ": \"solutionVersionArn\" must be a Personalize ARN, got " + arn);
    }
    Recipe recipe = Recipe.fromArn(declaration.recipeArn()).orElseThrow(() -> new IllegalArgumentException(
        file + ": \"recipeArn\" must be one of " + Recipe.arns() + ", got " + declaration.recipeArn()));
    Map<String, String> model = declaration.model() == null ? Map.of() : new HashMap<>(declaration.model());
    String type = model.remove("type");
    if (type == null) {
      throw new IllegalArgumentException(file + ": \"model.type\" is required");
    }
    String base = file.toAbsolutePath().getParent().toString() + "/";
    ModelSpec spec = new ModelSpec(type, base, model);
    DatasetFiles items = declaration.itemsDataset();
    if (items != null) {
      items = Declarations.resolve(file, "itemsDataset", items);
    } else if (recipe.answersAttributes()) {
      throw new IllegalArgumentException(file + ": an Item-Attribute-Affinity solution version needs "
          + "\"itemsDataset\" to match its queries against");
    }
    return new SolutionVersion(arn, recipe, spec, items, declaration.metrics());
  }
}
