package io.segmentbeam.filter;

import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.SchemaField;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed, checked user segment filter expression: {@code |}-separated parts, each
 * {@code INCLUDE|EXCLUDE UserID WHERE} a condition on one dataset.
 *
 * @param text the expression as written
 * @param parts the expressions between {@code |}, in order
 */
public record FilterExpression(String text, List<Part> parts) {
  /** Personalize's bound on an expression's length. */
  public static final int MAX_LENGTH = 2500;
  /** Personalize's bound on the distinct fields one filter uses. */
  public static final int MAX_FIELDS = 10;

  public FilterExpression {
    parts = List.copyOf(parts);
  }

  /**
   * Parses and checks an expression against the dataset group's schemas; a dataset the group
   * lacks is null and cannot be used.
   */
  public static FilterExpression parse(String text, DatasetSchema users, DatasetSchema interactions)
      throws InvalidFilterException {
    return new FilterParser(text, users, interactions).filter();
  }

  /** Whether any part filters on the Interactions dataset. */
  public boolean usesInteractions() {
    return parts.stream().anyMatch(part -> part.dataset() == Dataset.INTERACTIONS);
  }

  public boolean usesUsers() {
    return parts.stream().anyMatch(part -> part.dataset() == Dataset.USERS);
  }

  /** Every placeholder name, case as written. */
  public Set<String> parameters() {
    Set<String> names = new TreeSet<>();
    parts.forEach(part -> names.addAll(part.parameters()));
    return names;
  }

  public enum Action { INCLUDE, EXCLUDE }

  public enum Dataset { USERS, INTERACTIONS }

  /** One expression between {@code |}s; {@code parameters} are the placeholders it uses. */
  public record Part(Action action, Dataset dataset, Condition condition, Set<String> parameters) {}

  /** A condition: comparisons joined by AND and OR. */
  public sealed interface Condition permits All, Any, Comparison {}

  /** Conditions joined by AND. */
  public record All(List<Condition> conditions) implements Condition {}

  /** Conditions joined by OR. */
  public record Any(List<Condition> conditions) implements Condition {}

  /** {@code <Dataset>.<FIELD> <operator> <values>}. */
  public record Comparison(Dataset dataset, SchemaField field, Operator operator, List<Value> values)
      implements Condition {}

  public enum Operator {
    IN("IN"), NOT_IN("NOT IN"), EQUAL("="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"),
    GREATER_OR_EQUAL(">=");

    private final String symbol;

    Operator(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    /** Whether the operator orders values, so needs a numeric field and one value. */
    public boolean isRange() {
      return ordinal() >= LESS.ordinal();
    }

    /** Whether a comparison holds when the field's value does not match the values. */
    public boolean isNegated() {
      return this == NOT_IN || this == NOT_EQUAL;
    }
  }

  /** A value to compare with: a literal, a {@code $PARAMETER} given per input line, or {@code "*"}. */
  public sealed interface Value permits Literal, Parameter, Wildcard {}

  /** A quoted string or, with {@code number} set, a number as written. */
  public record Literal(String text, boolean number) implements Value {}

  public record Parameter(String name) implements Value {}

  /** {@code "*"}: every event type. */
  public record Wildcard() implements Value {}
}
