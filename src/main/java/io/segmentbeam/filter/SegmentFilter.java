package io.segmentbeam.filter;

import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
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
import io.segmentbeam.filter.FilterValues.Given;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.query.InvalidQueryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * A filter ready to apply to one model's users: for a line's {@code filterValues}, the set of
 * users that pass, as a bitmap over the model's user indexes. Each distinct set of values is
 * evaluated once and kept, so a job pays per distinct (filter, values) pair, never per user per
 * line. Thread-safe.
 *
 * <p>Semantics: INCLUDE parts are united, EXCLUDE parts are united, and the users that pass are
 * the included ones (everyone when there is no INCLUDE part) minus the excluded ones. A user
 * without a value for a Users field matches no comparison on it, NOT IN and != included. An
 * Interactions comparison holds for a user who has at least one event whose EVENT_TYPE
 * (compared in lower case) satisfies it. An EXCLUDE part with a placeholder the line gives no
 * value for is skipped; an INCLUDE part with one makes the line an error.
 */
public final class SegmentFilter {
  /** Distinct filterValues kept per filter; each entry is a bitmap of all users. */
  private static final int CACHED_VALUE_SETS = 256;
  /** Per loaded model, weakly, so that a model (a user shard) that is let go takes its filters with it. */
  private static final Map<SegmentModel, Map<FilterSpec, SegmentFilter>> SHARED = new WeakHashMap<>();

  private final FilterExpression expression;
  private final UserAttributes attributes;
  private final Map<Map<String, String>, BitSet> cache = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Map<String, String>, BitSet> eldest) {
      return size() > CACHED_VALUE_SETS;
    }
  };

  private SegmentFilter(FilterExpression expression, UserAttributes attributes) {
    this.expression = expression;
    this.attributes = attributes;
  }

  /** The filter for a loaded model's users, loaded on first use in this JVM and shared. */
  public static SegmentFilter shared(FilterSpec spec, SegmentModel model) {
    Map<FilterSpec, SegmentFilter> filters;
    synchronized (SHARED) {
      filters = SHARED.computeIfAbsent(model, m -> new ConcurrentHashMap<>());
    }
    return filters.computeIfAbsent(spec, key -> {
      try {
        return load(spec, model.userCount(), model::userIndex);
      } catch (IOException | InvalidFilterException e) {
        throw new IllegalStateException("cannot load filter " + spec.filterArn() + ": " + e.getMessage(), e);
      }
    });
  }

  /**
   * Parses the expression against the datasets' schemas without reading the datasets: what a job's
   * launcher checks when the filter is applied in other JVMs.
   */
  public static void check(FilterSpec spec) throws IOException, InvalidFilterException {
    expression(spec);
  }

  private static FilterExpression expression(FilterSpec spec) throws IOException, InvalidFilterException {
    DatasetSchema users = spec.users() == null ? null
        : DatasetSchema.read(DatasetType.USERS, spec.users().schemaLocation());
    DatasetSchema interactions = spec.interactions() == null ? null
        : DatasetSchema.read(DatasetType.INTERACTIONS, spec.interactions().schemaLocation());
    return FilterExpression.parse(spec.expression(), users, interactions);
  }

  /**
   * Parses the expression against the datasets' schemas and reads what it needs of them, for
   * {@code userCount} users whose indexes {@code userIndex} gives (-1 for users to leave out).
   */
  public static SegmentFilter load(FilterSpec spec, int userCount, ToIntFunction<String> userIndex)
      throws IOException, InvalidFilterException {
    FilterExpression expression = expression(spec);
    Set<String> usersFields = new HashSet<>();
    expression.parts().stream().filter(part -> part.dataset() == Dataset.USERS)
        .forEach(part -> collectFields(part.condition(), usersFields));
    return new SegmentFilter(expression, UserAttributes.read(userIndex, userCount, spec.users(), usersFields,
        spec.interactions(), expression.usesInteractions()));
  }

  public FilterExpression expression() {
    return expression;
  }

  /**
   * The users that pass for one line's values. The bitmap is shared: read it, never change it.
   *
   * @throws InvalidQueryException when the values do not fit the expression
   */
  public BitSet allowedUsers(Map<String, String> filterValues) throws InvalidQueryException {
    Map<String, String> key = new TreeMap<>(filterValues);
    synchronized (cache) {
      BitSet cached = cache.get(key);
      if (cached != null) {
        return cached;
      }
    }
    BitSet allowed = evaluate(key);
    synchronized (cache) {
      cache.put(key, allowed);
    }
    return allowed;
  }

  private BitSet evaluate(Map<String, String> filterValues) throws InvalidQueryException {
    Map<String, List<Given>> given = new HashMap<>();
    for (Map.Entry<String, String> entry : filterValues.entrySet()) {
      if (!expression.parameters().contains(entry.getKey())) {
        throw new InvalidQueryException("\"filterValues\" names " + entry.getKey() + ", which the filter does not "
            + "use; its parameters are " + (expression.parameters().isEmpty() ? "none" : expression.parameters()));
      }
      if (!entry.getValue().isBlank()) {
        given.put(entry.getKey(), FilterValues.parse(entry.getKey(), entry.getValue()));
      }
    }
    BitSet included = null;
    BitSet excluded = new BitSet();
    for (Part part : expression.parts()) {
      List<String> missing = part.parameters().stream().filter(p -> !given.containsKey(p)).toList();
      if (!missing.isEmpty()) {
        if (part.action() == Action.EXCLUDE) {
          continue;
        }
        throw new InvalidQueryException("\"filterValues\" has no value for " + missing.get(0) + ", which the filter's "
            + "INCLUDE expression needs");
      }
      BitSet users = matching(part.condition(), given);
      if (part.action() == Action.INCLUDE) {
        if (included == null) {
          included = users;
        } else {
          included.or(users);
        }
      } else {
        excluded.or(users);
      }
    }
    BitSet allowed = included;
    if (allowed == null) {
      allowed = new BitSet(attributes.userCount());
      allowed.set(0, attributes.userCount());
    }
    allowed.andNot(excluded);
    return allowed;
  }

  /** The users a condition holds for; a fresh bitmap the caller may change. */
  private BitSet matching(Condition condition, Map<String, List<Given>> given) throws InvalidQueryException {
    if (condition instanceof All all) {
      BitSet users = matching(all.conditions().get(0), given);
      for (Condition next : all.conditions().subList(1, all.conditions().size())) {
        users.and(matching(next, given));
      }
      return users;
    }
    if (condition instanceof Any any) {
      BitSet users = new BitSet();
      for (Condition next : any.conditions()) {
        users.or(matching(next, given));
      }
      return users;
    }
    Comparison comparison = (Comparison) condition;
    List<String> values = values(comparison, given);
    SchemaField field = comparison.field();
    if (comparison.dataset() == Dataset.INTERACTIONS) {
      return withEventType(comparison.operator(), values);
    }
    return field.type().isNumeric() ? withNumber(field.name(), comparison.operator(), values)
        : withString(field.name(), comparison.operator(), values);
  }

  private BitSet withEventType(Operator operator, List<String> values) {
    Set<String> types = new HashSet<>();
    boolean everyType = false;
    for (String value : values) {
      everyType |= value == null;
      if (value != null) {
        types.add(value.toLowerCase(Locale.ROOT));
      }
    }
    BitSet users = new BitSet();
    for (Map.Entry<String, BitSet> type : attributes.eventTypes().entrySet()) {
      boolean listed = everyType || types.contains(type.getKey());
      if (listed != operator.isNegated()) {
        users.or(type.getValue());
      }
    }
    return users;
  }

  private BitSet withString(String field, Operator operator, List<String> values) {
    BitSet users = new BitSet();
    for (String value : values) {
      users.or(attributes.usersWith(field, value));
    }
    if (operator.isNegated()) {
      BitSet others = (BitSet) attributes.usersWithAnyValue(field).clone();
      others.andNot(users);
      return others;
    }
    return users;
  }

  private BitSet withNumber(String field, Operator operator, List<String> values) {
    double[] numbers = attributes.numbers(field);
    double[] wanted = values.stream().mapToDouble(Double::parseDouble).toArray();
    BitSet users = new BitSet(numbers.length);
    for (int user = 0; user < numbers.length; user++) {
      double number = numbers[user];
      if (!Double.isNaN(number) && holds(operator, number, wanted)) {
        users.set(user);
      }
    }
    return users;
  }

  private static boolean holds(Operator operator, double number, double[] wanted) {
    return switch (operator) {
      case LESS -> number < wanted[0];
      case LESS_OR_EQUAL -> number <= wanted[0];
      case GREATER -> number > wanted[0];
      case GREATER_OR_EQUAL -> number >= wanted[0];
      default -> {
        boolean listed = false;
        for (double value : wanted) {
          listed |= number == value;
        }
        yield listed != operator.isNegated();
      }
    };
  }

  /**
   * A comparison's values, placeholders replaced by the line's; null stands for {@code "*"}.
   * Numbers are checked here, so that evaluation cannot fail on them.
   */
  private static List<String> values(Comparison comparison, Map<String, List<Given>> given)
      throws InvalidQueryException {
    SchemaField field = comparison.field();
    List<String> values = new ArrayList<>();
    for (Value value : comparison.values()) {
      if (value instanceof Literal literal) {
        values.add(literal.text());
      } else if (value instanceof Parameter parameter) {
        List<Given> line = given.get(parameter.name());
        if (line.size() > 1 && comparison.operator() != Operator.IN && comparison.operator() != Operator.NOT_IN) {
          throw new InvalidQueryException("\"filterValues\"." + parameter.name() + " has " + line.size()
              + " values, but " + comparison.operator().symbol() + " compares with one");
        }
        for (Given one : line) {
          values.add(checked(parameter.name(), comparison, one));
        }
      } else {
        values.add(null);
      }
    }
    return values;
  }

  private static String checked(String parameter, Comparison comparison, Given value)
      throws InvalidQueryException {
    SchemaField field = comparison.field();
    if (field.type().isNumeric()) {
      try {
        Double.parseDouble(value.text());
        return value.text();
      } catch (NumberFormatException e) {
        throw new InvalidQueryException("\"filterValues\"." + parameter + ": \"" + value.text() + "\" is not a number, "
            + "and " + field.name() + " is a " + field.type().avroName() + " field");
      }
    }
    if (!value.quoted()) {
      throw new InvalidQueryException("\"filterValues\"." + parameter + ": " + value.text() + " must be in double "
          + "quotes, as " + field.name() + " holds strings (e.g. \"\\\"" + value.text() + "\\\"\")");
    }
    if (value.text().equals("*") && comparison.dataset() == Dataset.INTERACTIONS) {
      return null;
    }
    return value.text();
  }

  private static void collectFields(Condition condition, Set<String> fields) {
    if (condition instanceof Comparison comparison) {
      fields.add(comparison.field().name());
    } else {
      for (Condition child : condition instanceof All all ? all.conditions() : ((Any) condition).conditions()) {
        collectFields(child, fields);
      }
    }
  }
}
