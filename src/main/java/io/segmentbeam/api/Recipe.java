package io.segmentbeam.api;

import java.util.Arrays;
import java.util.Optional;

/** The recipes that make segment models, and the kind of query line each one answers. */
public enum Recipe {
  ITEM_AFFINITY("arn:aws:personalize:::recipe/aws-item-affinity"),
  ITEM_ATTRIBUTE_AFFINITY("arn:aws:personalize:::recipe/aws-item-attribute-affinity");

  private final String arn;

  Recipe(String arn) {
    this.arn = arn;
  }

  public String arn() {
    return arn;
  }

  public static Optional<Recipe> fromArn(String arn) {
    return Arrays.stream(values()).filter(r -> r.arn.equals(arn)).findFirst();
  }
}
