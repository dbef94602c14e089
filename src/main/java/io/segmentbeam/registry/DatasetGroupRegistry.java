package io.segmentbeam.registry;

import io.segmentbeam.api.ApiRules;
import io.segmentbeam.dataset.DatasetFiles;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The dataset groups filters are created in. Each {@code *.json} file in the folder
 * ({@code pipelines/dataset-groups/} by default) declares one:
 *
 * <pre>{@code
 * {
 *   "datasetGroupArn": "arn:aws:personalize:us-east-1:123456789012:dataset-group/sample",
 *   "datasets": {
 *     "interactions": {"dataLocation": "interactions.csv", "schemaLocation": "interactions-schema.json"},
 *     "users": {"dataLocation": "users.csv", "schemaLocation": "users-schema.json"},
 *     "items": {"dataLocation": "items.csv", "schemaLocation": "items-schema.json"}
 *   }
 * }
 * }</pre>
 *
 * Relative locations are resolved against the declaring file's folder; any dataset may be left out.
 */
public final class DatasetGroupRegistry implements DatasetGroups {
  private final Map<String, DatasetGroup> byArn;

  private DatasetGroupRegistry(Map<String, DatasetGroup> byArn) {
    this.byArn = byArn;
  }

  public static DatasetGroupRegistry load(Path folder) {
    return new DatasetGroupRegistry(Declarations.load(folder, "dataset group", Declaration.class,
        DatasetGroupRegistry::read, DatasetGroup::datasetGroupArn));
  }

  @Override
  public Optional<DatasetGroup> find(String datasetGroupArn) {
    return Optional.ofNullable(byArn.get(datasetGroupArn));
  }

  private record Datasets(DatasetFiles interactions, DatasetFiles users, DatasetFiles items) {}

  private record Declaration(String datasetGroupArn, Datasets datasets) {}

  private static DatasetGroup read(Path file, Declaration declaration) {
    if (!ApiRules.ARN.accepts(declaration.datasetGroupArn())) {
      throw new IllegalArgumentException(file + ": \"datasetGroupArn\" must be a Personalize ARN, got "
          + declaration.datasetGroupArn());
    }
    Datasets datasets = declaration.datasets() == null ? new Datasets(null, null, null) : declaration.datasets();
    return new DatasetGroup(declaration.datasetGroupArn(), resolve(file, "datasets.interactions",
        datasets.interactions()), resolve(file, "datasets.users", datasets.users()),
        resolve(file, "datasets.items", datasets.items()));
  }

  private static DatasetFiles resolve(Path file, String member, DatasetFiles files) {
    return files == null ? null : Declarations.resolve(file, member, files);
  }
}
