package io.segmentbeam.filter;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.segmentbeam.query.InvalidQueryException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many random expressions and filterValues over generated datasets, each segment checked against a
 * deliberately plain reference: the test builds each expression as a tree of its own, prints it
 * as text for the product to parse, and evaluates the tree itself user by user.
 */
class RandomFilterTest {
  private static final int CASES = 600;
  private static final List<String> TIERS = List.of("bronze", "silver", "gold", "platinum", "none");
  private static final List<String> EVENTS = List.of("click", "purchase", "rating", "share");

  @TempDir Path folder;
  private FilterDatasets data;
  private Random random;

  /**
   * A condition of the test's own: its text, whether it holds for a user, and the keyword joining
   * its operands (null for a comparison).
   */
  private record Condition(String text, Predicate<String> holds, String joiner) {

    Condition(String text, Predicate<String> holds) {
      this(text, holds, null);
    }

    /**
     * The text to embed under {@code parent}: in parentheses where precedence needs them (AND binds
     * tighter than OR), and otherwise now and then, so that both spellings are parsed.
     */
    String operand(String parent, Random random) {
      boolean needed = joiner != null && !joiner.equals(parent) && !(joiner.equals("AND") && parent.equals("OR"));
      return needed || joiner != null && random.nextInt(3) == 0 ? "(" + text + ")" : text;
    }
  }

  /** Values a line gives for the placeholders of the case being built. */
  private Map<String, String> values;
  /** Placeholders the case used, and whether the line gave each a value. */
  private Map<String, Boolean> parameters;

  @Test
  void randomFiltersPassExactlyTheUsersTheReferencePasses() throws IOException, InvalidFilterException {
    data = new FilterDatasets(folder);
    random = new Random(2026);
    int segments = 0;
    int errorLines = 0;
    for (int c = 0; c < CASES; c++) {
      values = new HashMap<>();
      parameters = new HashMap<>();
      StringBuilder text = new StringBuilder();
      Set<String> included = null;
      Set<String> excluded = new TreeSet<>();
      boolean includeMissingValue = false;
      int parts = 1 + random.nextInt(3);
      for (int p = 0; p < parts; p++) {
        boolean include = random.nextBoolean();
        boolean users = random.nextInt(3) > 0;
        Map<String, Boolean> before = new HashMap<>(parameters);
        Condition condition = condition(users, 2);
        boolean missing = parameters.entrySet().stream()
            .anyMatch(e -> !before.containsKey(e.getKey()) && !e.getValue());
        text.append(p == 0 ? "" : " | ").append(include ? "INCLUDE" : "EXCLUDE").append(" UserID WHERE ")
            .append(condition.text());
        if (missing) {
          includeMissingValue |= include;
          continue;
        }
        Set<String> matching = new TreeSet<>(data.userIds.stream().filter(condition.holds()).toList());
        if (include) {
          included = included == null ? matching : union(included, matching);
        } else {
          excluded.addAll(matching);
        }
      }
      String expression = text.toString();
      SegmentFilter filter = data.load(expression);
      if (includeMissingValue) {
        try {
          filter.allowedUsers(values);
          throw new AssertionError("expected an error line for " + expression + " with " + values);
        } catch (InvalidQueryException expected) {
          errorLines++;
          continue;
        }
      }
      Set<String> expected = new TreeSet<>(included == null ? data.userIds : included);
      expected.removeAll(excluded);
      try {
        assertThat(expression + " with " + values, SegmentFilterTest.idsOf(data, filter.allowedUsers(values)),
            equalTo(expected));
      } catch (InvalidQueryException e) {
        throw new AssertionError(expression + " with " + values + ": " + e.getMessage(), e);
      }
      segments++;
    }
    System.out.printf("RandomFilterTest: %d cases, %d segments checked against the reference, %d error lines%n",
        CASES, segments, errorLines);
    assertThat(segments + errorLines, equalTo(CASES));
    assertThat(errorLines, greaterThan(CASES / 20));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return all;
  }

  /** A random condition of depth at most {@code depth} on one dataset. */
  private Condition condition(boolean users, int depth) {
    if (depth == 0 || random.nextInt(3) > 0) {
      return users ? usersComparison() : eventComparison();
    }
    Condition left = condition(users, depth - 1);
    Condition right = condition(users, depth - 1);
    boolean and = random.nextBoolean();
    String joiner = and ? "AND" : "OR";
    String text = left.operand(joiner, random) + " " + joiner + " " + right.operand(joiner, random);
    Predicate<String> holds = and ? left.holds().and(right.holds()) : left.holds().or(right.holds());
    return new Condition(text, holds, joiner);
  }

  private Condition usersComparison() {
    if (random.nextBoolean()) {
      String[] operators = {"=", "!=", "<", "<=", ">", ">=", "IN", "NOT IN"};
      String operator = operators[random.nextInt(operators.length)];
      List<Integer> ages = new ArrayList<>();
      for (int i = operator.contains("IN") ? 1 + random.nextInt(4) : 1; i > 0; i--) {
        ages.add(18 + random.nextInt(60));
      }
      // Written bare in the expression; a line may give a number bare or quoted.
      String valuesText = placeholder(ages.stream().map(String::valueOf).toList(),
          ages.stream().map(age -> random.nextBoolean() ? "" + age : "\"" + age + "\"").toList(), operator.contains("IN"));
      return new Condition("Users.AGE " + operator + " " + valuesText, user -> {
        Integer age = data.age.get(user);
        if (age == null) {
          return false;
        }
        return switch (operator) {
          case "=", "IN" -> ages.contains(age);
          case "!=", "NOT IN" -> !ages.contains(age);
          case "<" -> age < ages.get(0);
          case "<=" -> age <= ages.get(0);
          case ">" -> age > ages.get(0);
          default -> age >= ages.get(0);
        };
      });
    }
    String[] operators = {"=", "!=", "IN", "NOT IN"};
    String operator = operators[random.nextInt(operators.length)];
    List<String> tiers = pick(TIERS, operator.contains("IN") ? 1 + random.nextInt(3) : 1);
    String valuesText = placeholder(tiers.stream().map(t -> "\"" + t + "\"").toList(),
        tiers.stream().map(t -> "\"" + t + "\"").toList(), operator.contains("IN"));
    boolean negated = operator.startsWith("!") || operator.startsWith("NOT");
    return new Condition("users.membership " + operator + " " + valuesText, user -> {
      List<String> held = data.membership.get(user);
      return held != null && held.stream().anyMatch(tiers::contains) != negated;
    });
  }

  private Condition eventComparison() {
    String[] operators = {"=", "!=", "IN", "NOT IN"};
    String operator = operators[random.nextInt(operators.length)];
    boolean every = random.nextInt(8) == 0;
    List<String> types = every ? List.of("*") : pick(EVENTS, operator.contains("IN") ? 1 + random.nextInt(2) : 1);
    List<String> written = types.stream().map(t -> "\"" + (random.nextBoolean() ? t.toUpperCase(Locale.ROOT) : t)
        + "\"").toList();
    String valuesText = placeholder(written, written, operator.contains("IN"));
    boolean negated = operator.startsWith("!") || operator.startsWith("NOT");
    return new Condition("Interactions.EVENT_TYPE " + operator + " " + valuesText, user ->
        data.eventTypes.get(user).stream().anyMatch(type -> (every || types.contains(type)) != negated));
  }

  /**
   * The values as written in the expression, or half the time a new placeholder: the line then
   * gives {@code lineValues} joined by commas, or (one time in five) nothing at all.
   */
  private String placeholder(List<String> literals, List<String> lineValues, boolean list) {
    if (random.nextBoolean()) {
      String joined = String.join(", ", literals);
      return list ? "(" + joined + ")" : joined;
    }
    String name = "P" + parameters.size();
    boolean given = random.nextInt(5) > 0;
    parameters.put(name, given);
    if (given) {
      values.put(name, String.join(",", lineValues));
    }
    return list ? "($" + name + ")" : "$" + name;
  }

  private List<String> pick(List<String> from, int count) {
    List<String> pool = new ArrayList<>(from);
    List<String> picked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      picked.add(pool.remove(random.nextInt(pool.size())));
    }
    return picked;
  }
}
