package io.segmentbeam.filter;

import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.FieldType;
import io.segmentbeam.dataset.SchemaField;
import io.segmentbeam.filter.FilterExpression.Action;
import io.segmentbeam.filter.FilterExpression.All;
import io.segmentbeam.filter.FilterExpression.Any;
import io.segmentbeam.filter.FilterExpression.Comparison;
import io.segmentbeam.filter.FilterExpression.Condition;
import io.segmentbeam.filter.FilterExpression.Dataset;
import io.segmentbeam.filter.FilterExpression.Literal;
import io.segmentbeam.filter.FilterExpression.Operator;
import io.segmentbeam.filter.FilterExpression.Parameter;
import io.segmentbeam.filter.FilterExpression.Part;
import io.segmentbeam.filter.FilterExpression.Value;
import io.segmentbeam.filter.FilterExpression.Wildcard;
import io.segmentbeam.filter.FilterToken.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Recursive descent over a user segment filter expression, checking every field against the
 * dataset group's schemas as it goes:
 *
 * <pre>
 * filter     = part { "|" part }
 * part       = ( "INCLUDE" | "EXCLUDE" ) "UserID" "WHERE" or
 * or         = and { "OR" and }
 * and        = primary { "AND" primary }
 * primary    = "(" or ")" | comparison
 * comparison = dataset "." field ( ( "IN" | "NOT" "IN" ) "(" value { "," value } ")"
 *                                | ( "=" | "!=" | "<" | "<=" | ">" | ">=" ) value )
 * value      = string | number | $PARAMETER | "*"
 * </pre>
 *
 * Keywords, dataset and field names are case-insensitive; parameter names are not.
 */
final class FilterParser {
  private static final String EVENT_TYPE = "EVENT_TYPE";

  private final String text;
  private final DatasetSchema users;
  private final DatasetSchema interactions;
  private final Set<String> fields = new LinkedHashSet<>();
  private List<FilterToken> tokens;
  private int next;
  private FilterToken token;
  private Dataset partDataset;
  private Set<String> partParameters;

  FilterParser(String text, DatasetSchema users, DatasetSchema interactions) {
    this.text = text;
    this.users = users;
    this.interactions = interactions;
  }

  FilterExpression filter() throws InvalidFilterException {
    if (text.isBlank()) {
      throw new InvalidFilterException(1, "the expression is empty; write e.g. "
          + "INCLUDE UserID WHERE Users.MEMBERSHIP IN ($MEMBERSHIP)");
    }
    if (text.length() > FilterExpression.MAX_LENGTH) {
      throw new InvalidFilterException(FilterExpression.MAX_LENGTH + 1,
          "an expression is at most 2,500 characters; this one has " + text.length());
    }
    tokens = FilterLexer.tokens(text);
    advance();
    List<Part> parts = new ArrayList<>();
    parts.add(part());
    while (token.isSymbol("|")) {
      advance();
      parts.add(part());
    }
    if (token.isSymbol(")")) {
      throw new InvalidFilterException(token.position(), "\")\" has no matching \"(\"");
    }
    if (token.kind() != Kind.END) {
      throw expected("AND, OR, \"|\" or the end of the expression");
    }
    return new FilterExpression(text, parts);
  }

  private Part part() throws InvalidFilterException {
    Action action;
    if (token.isWord("INCLUDE")) {
      action = Action.INCLUDE;
    } else if (token.isWord("EXCLUDE")) {
      action = Action.EXCLUDE;
    } else {
      throw expected("INCLUDE or EXCLUDE");
    }
    advance();
    if (token.isWord("ItemID") || token.isWord("ActionID")) {
      throw new InvalidFilterException(token.position(), "user segment filters select UserID, not " + token.text());
    }
    if (!token.isWord("UserID")) {
      throw expected("UserID");
    }
    advance();
    if (!token.isWord("WHERE")) {
      throw expected("WHERE");
    }
    advance();
    partDataset = null;
    partParameters = new TreeSet<>();
    Condition condition = or();
    return new Part(action, partDataset, condition, partParameters);
  }

  private Condition or() throws InvalidFilterException {
    List<Condition> alternatives = new ArrayList<>(List.of(and()));
    while (token.isWord("OR")) {
      advance();
      alternatives.add(and());
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new Any(alternatives);
  }

  private Condition and() throws InvalidFilterException {
    List<Condition> conditions = new ArrayList<>(List.of(primary()));
    while (token.isWord("AND")) {
      advance();
      conditions.add(primary());
    }
    return conditions.size() == 1 ? conditions.get(0) : new All(conditions);
  }

  private Condition primary() throws InvalidFilterException {
    if (token.isSymbol("(")) {
      FilterToken open = token;
      advance();
      Condition inner = or();
      if (!token.isSymbol(")")) {
        throw new InvalidFilterException(token.position(), "expected \")\" to close the \"(\" at character "
            + open.position() + ", found " + token.describe());
      }
      advance();
      return inner;
    }
    return comparison();
  }

  private Comparison comparison() throws InvalidFilterException {
    if (token.kind() != Kind.WORD) {
      throw expected("a condition such as Users.<FIELD> IN (...)");
    }
    FilterToken datasetToken = token;
    Dataset dataset = dataset(datasetToken);
    advance();
    if (!token.isSymbol(".")) {
      throw expected("\".\" and a field name after " + datasetToken.text());
    }
    advance();
    if (token.kind() != Kind.WORD) {
      throw expected("a field name after " + datasetToken.text() + ".");
    }
    FilterToken fieldToken = token;
    SchemaField field = field(dataset, fieldToken);
    advance();
    Operator operator = operator();
    if (operator.isRange() && !field.type().isNumeric()) {
      throw new InvalidFilterException(tokens.get(next - 2).position(), operator.symbol() + " compares numbers, and "
          + field.name() + " is a " + field.type().avroName() + " field; use IN, NOT IN, = or !=");
    }
    List<Value> values = new ArrayList<>();
    if (operator == Operator.IN || operator == Operator.NOT_IN) {
      if (!token.isSymbol("(")) {
        throw expected("\"(\" and a list of values after " + operator.symbol());
      }
      FilterToken open = token;
      do {
        advance();
        values.add(value(field, operator));
      } while (token.isSymbol(","));
      if (!token.isSymbol(")")) {
        throw new InvalidFilterException(token.position(), "expected \",\" or \")\" to close the list at character "
            + open.position() + ", found " + token.describe());
      }
      advance();
    } else {
      values.add(value(field, operator));
    }
    return new Comparison(dataset, field, operator, values);
  }

  private Dataset dataset(FilterToken name) throws InvalidFilterException {
    Dataset dataset;
    switch (name.upper()) {
      case "USERS" -> dataset = Dataset.USERS;
      case "INTERACTIONS" -> dataset = Dataset.INTERACTIONS;
      case "ITEMS" -> throw new InvalidFilterException(name.position(),
          "user segment filters cannot use the Items dataset; use Users or Interactions");
      default -> throw new InvalidFilterException(name.position(), "there is no dataset \"" + name.text()
          + "\"; user segment filters use Users or Interactions");
    }
    if ((dataset == Dataset.USERS ? users : interactions) == null) {
      throw new InvalidFilterException(name.position(), "the dataset group has no " + name.text() + " dataset");
    }
    if (partDataset != null && partDataset != dataset) {
      throw new InvalidFilterException(name.position(), "the conditions of one expression use one dataset, and "
          + "this one began with " + title(partDataset) + "; put the " + title(dataset)
          + " condition in its own expression after \"|\"");
    }
    partDataset = dataset;
    return dataset;
  }

  private SchemaField field(Dataset dataset, FilterToken name) throws InvalidFilterException {
    DatasetSchema schema = dataset == Dataset.USERS ? users : interactions;
    if (dataset == Dataset.INTERACTIONS && !name.upper().equals(EVENT_TYPE)) {
      throw new InvalidFilterException(name.position(), "user segment filters can use only EVENT_TYPE of the "
          + "Interactions dataset, not " + name.text());
    }
    SchemaField field = schema.fields().stream().filter(f -> f.name().equalsIgnoreCase(name.text())).findFirst()
        .orElseThrow(() -> new InvalidFilterException(name.position(), title(dataset) + " has no field "
            + name.text() + "; its fields are " + String.join(", ", schema.fields().stream().map(SchemaField::name)
            .toList())));
    if (field.type() == FieldType.BOOLEAN) {
      throw new InvalidFilterException(name.position(), field.name() + " is a boolean field, and boolean fields "
          + "cannot be filtered");
    }
    if (field.textual()) {
      throw new InvalidFilterException(name.position(), field.name() + " is a text field, and text fields cannot "
          + "be filtered");
    }
    fields.add(dataset + "." + field.name());
    if (fields.size() > FilterExpression.MAX_FIELDS) {
      throw new InvalidFilterException(name.position(), "a filter uses at most 10 distinct fields, and "
          + field.name() + " is the 11th");
    }
    return field;
  }

  private Operator operator() throws InvalidFilterException {
    Operator operator;
    if (token.isWord("IN")) {
      operator = Operator.IN;
    } else if (token.isWord("NOT")) {
      advance();
      if (!token.isWord("IN")) {
        throw expected("IN after NOT");
      }
      operator = Operator.NOT_IN;
    } else {
      operator = switch (token.kind() == Kind.SYMBOL ? token.text() : "") {
        case "=" -> Operator.EQUAL;
        case "!=" -> Operator.NOT_EQUAL;
        case "<" -> Operator.LESS;
        case "<=" -> Operator.LESS_OR_EQUAL;
        case ">" -> Operator.GREATER;
        case ">=" -> Operator.GREATER_OR_EQUAL;
        default -> throw expected("an operator: IN, NOT IN, =, !=, <, <=, > or >=");
      };
    }
    advance();
    return operator;
  }

  private Value value(SchemaField field, Operator operator) throws InvalidFilterException {
    FilterToken value = token;
    boolean eventType = field.name().equals(EVENT_TYPE) && partDataset == Dataset.INTERACTIONS;
    advance();
    switch (value.kind()) {
      case PARAMETER -> {
        partParameters.add(value.text());
        return new Parameter(value.text());
      }
      case STRING, SYMBOL -> {
        if (value.kind() == Kind.SYMBOL && !value.text().equals("*")) {
          break;
        }
        if (value.text().equals("*")) {
          if (!eventType) {
            throw new InvalidFilterException(value.position(), "\"*\" is allowed only for Interactions.EVENT_TYPE");
          }
          return new Wildcard();
        }
        if (field.type().isNumeric()) {
          throw new InvalidFilterException(value.position(), field.name() + " is a " + field.type().avroName()
              + " field: write the number without quotes");
        }
        return new Literal(value.text(), false);
      }
      case NUMBER -> {
        if (!field.type().isNumeric()) {
          throw new InvalidFilterException(value.position(), field.name() + " is a string field: put the value in "
              + "double quotes");
        }
        return new Literal(value.text(), true);
      }
      default -> { }
    }
    throw new InvalidFilterException(value.position(), "expected a value (\"text\", a number or a $PARAMETER) after "
        + operator.symbol() + ", found " + value.describe());
  }

  /** Moves to the next token; past the end the current token stays END, so every check sees END. */
  private void advance() {
    if (next < tokens.size()) {
      token = tokens.get(next++);
    }
  }

  private InvalidFilterException expected(String what) {
    return new InvalidFilterException(token.position(), "expected " + what + ", found " + token.describe());
  }

  private static String title(Dataset dataset) {
    return dataset == Dataset.USERS ? "Users" : "Interactions";
  }
}
