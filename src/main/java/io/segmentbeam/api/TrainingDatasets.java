package io.segmentbeam.api;

/**
 * Local extension standing for a dataset group: the datasets a solution version is trained on.
 * Interactions are required; Items are required by Item-Attribute-Affinity, whose queries are
 * matched against item attributes; Users are optional.
 */
public record TrainingDatasets(DatasetLocation interactions, DatasetLocation items, DatasetLocation users) {

  void validate(boolean itemsRequired, Violations violations) {
    if (interactions == null) {
      violations.notNull("datasets.interactions");
    } else {
      interactions.validate("datasets.interactions", violations);
    }
    if (items == null) {
      if (itemsRequired) {
        violations.notNull("datasets.items");
      }
    } else {
      items.validate("datasets.items", violations);
    }
    if (users != null) {
      users.validate("datasets.users", violations);
    }
  }
}
