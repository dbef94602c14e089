package io.segmentbeam.pipeline;

import io.segmentbeam.api.Recipe;
import java.io.Serializable;

/**
 * Personalize's limit on queries per input file: 500 for Item-Affinity, 10 for
 * Item-Attribute-Affinity. Every line counts, since each one is a query or an error in its place.
 *
 * @param maxLinesPerFile the most lines a file may hold, or 0 for no limit
 * @param queryKind what the lines are, for the message
 */
public record InputLimit(int maxLinesPerFile, String queryKind) implements Serializable {
  public static final InputLimit NONE = new InputLimit(0, "query");

  /** The limit Personalize applies to a recipe's jobs. */
  public static InputLimit of(Recipe recipe) {
    return !recipe.answersAttributes() ? new InputLimit(500, "itemId") : new InputLimit(10, "itemAttributes");
  }

  boolean exceededBy(long lineNumber) {
    return maxLinesPerFile > 0 && lineNumber > maxLinesPerFile;
  }

  /** Why a job with too long an input file fails, and what to do about it. */
  String failure(String file) {
    return "Input file " + file + " has more than " + maxLinesPerFile + " lines: Personalize takes at most "
        + maxLinesPerFile + " " + queryKind + " queries per input file. Split it into several files, or run with "
        + "--liftInputLimits=true for a local experiment.";
  }
}
