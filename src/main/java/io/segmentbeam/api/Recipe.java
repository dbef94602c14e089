package io.segmentbeam.api;

import java.util.Arrays;
import java.util.Optional;

/** The recipes that make segment models (Personalize's USER_SEGMENTATION recipes), and the kind of query line each answers. */
public enum Recipe {
  ITEM_AFFINITY("arn:aws:personalize:::recipe/aws-item-affinity",
      "Predicts which users are most likely to interact with the items an input line names (itemId)."),
  ITEM_ATTRIBUTE_AFFINITY("arn:aws:personalize:::recipe/aws-item-attribute-affinity",
      "Predicts which users are most likely to interact with items that have the attributes an input line names "
          + "(itemAttributes).");

  /** The recipe type Personalize gives both. */
  public static final String TYPE = "USER_SEGMENTATION";

  private final String arn;
  private final String description;

  Recipe(String arn, String description) {
    this.arn = arn;
    this.description = description;
  }

  public String arn() {
    return arn;
  }

  /** The recipe's name: the last part of its ARN. */
  public String recipeName() {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  public String description() {
    return description;
  }

  public static Optional<Recipe> fromArn(String arn) {
    return Arrays.stream(values()).filter(r -> r.arn.equals(arn)).findFirst();
  }
}
