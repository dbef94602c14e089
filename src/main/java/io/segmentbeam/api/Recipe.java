package io.segmentbeam.api;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recipes that make segment models: Personalize's two USER_SEGMENTATION recipes, which train
 * the model the {@code model} hyperparameter names (ALS unless it says otherwise), and SegmentBeam's
 * own models as local recipes named {@code segmentbeam-...}, each of which is one model. A recipe
 * answers one kind of query line: an {@code itemId} (Item-Affinity) or {@code itemAttributes}.
 */
public enum Recipe {
  ITEM_AFFINITY("aws-item-affinity", false, null,
      "Predicts which users are most likely to interact with the items an input line names (itemId)."),
  ITEM_ATTRIBUTE_AFFINITY("aws-item-attribute-affinity", true, null,
      "Predicts which users are most likely to interact with items that have the attributes an input line names "
          + "(itemAttributes)."),
  LOCAL_ITEM_AFFINITY_COOCCURRENCE("segmentbeam-item-affinity-cooccurrence", false, "item-cooccurrence",
      "SegmentBeam's item co-occurrence model for itemId lines: a user's summed similarity of their history to "
          + "the item, items as similar as the cosine of their user sets."),
  LOCAL_ITEM_ATTRIBUTE_AFFINITY_COOCCURRENCE("segmentbeam-item-attribute-affinity-cooccurrence", true,
      "item-cooccurrence", "SegmentBeam's item co-occurrence model for itemAttributes lines."),
  LOCAL_ITEM_AFFINITY_POPULARITY("segmentbeam-item-affinity-popularity", false, "popularity",
      "SegmentBeam's popularity baseline for itemId lines: the most active users, whatever the item."),
  LOCAL_ITEM_ATTRIBUTE_AFFINITY_POPULARITY("segmentbeam-item-attribute-affinity-popularity", true, "popularity",
      "SegmentBeam's popularity baseline for itemAttributes lines.");

  /** The recipe type Personalize gives the segment recipes, SegmentBeam's own included. */
  public static final String TYPE = "USER_SEGMENTATION";
  private static final String ARN_PREFIX = "arn:aws:personalize:::recipe/";
  private static final String MODEL = "model";

  private final String name;
  private final boolean attributeQueries;
  private final String model;
  private final String description;

  Recipe(String name, boolean attributeQueries, String model, String description) {
    this.name = name;
    this.attributeQueries = attributeQueries;
    this.model = model;
    this.description = description;
  }

  public String arn() {
    return ARN_PREFIX + name;
  }

  /** The recipe's name: the last part of its ARN. */
  public String recipeName() {
    return name;
  }

  public String description() {
    return description;
  }

  /** Whether its query lines are {@code itemAttributes} expressions rather than an {@code itemId}. */
  public boolean answersAttributes() {
    return attributeQueries;
  }

  /** Whether it is one of SegmentBeam's own recipes rather than Personalize's. */
  public boolean isLocal() {
    return model != null;
  }

  /**
   * The hyperparameters a training of this recipe uses: {@code given} with a local recipe's model
   * as {@code model}; InvalidInputException if {@code given} names another model.
   */
  public Map<String, String> hyperParameters(Map<String, String> given) {
    Map<String, String> effective = new HashMap<>(given == null ? Map.of() : given);
    if (model != null) {
      String asked = effective.putIfAbsent(MODEL, model);
      if (asked != null && !asked.equals(model)) {
        new Violations().add("solutionConfig.algorithmHyperParameters.model", asked, "Member must be " + model
            + " or absent: recipe " + name + " trains that model").throwIfAny();
      }
    }
    return effective;
  }

  public static Optional<Recipe> fromArn(String arn) {
    return Arrays.stream(values()).filter(r -> r.arn().equals(arn)).findFirst();
  }

  /** Every recipe's ARN, for messages that list them. */
  public static List<String> arns() {
    return Arrays.stream(values()).map(Recipe::arn).toList();
  }
}
