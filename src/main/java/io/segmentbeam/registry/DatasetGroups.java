package io.segmentbeam.registry;

import java.util.Optional;

/** Finds a dataset group, declared or created, with where its datasets' records are read. */
@FunctionalInterface
public interface DatasetGroups {
  Optional<DatasetGroup> find(String datasetGroupArn);
}
