package io.segmentbeam.filter;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.sameInstance;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmentbeam.query.InvalidQueryException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each example of the Personalize documentation, and the per-line rules, on generated datasets. */
class SegmentFilterTest {
  @TempDir static Path folder;
  static FilterDatasets data;

  @BeforeAll
  static void generate() throws IOException {
    data = new FilterDatasets(folder);
  }

  @Test
  void includeUsersWhoseMembershipIsAmongTheLinesValues() throws Exception {
    SegmentFilter filter = data.load("INCLUDE UserID WHERE Users.MEMBERSHIP IN ($MEMBERSHIP)");
    assertPasses(filter, Map.of("MEMBERSHIP", "\"gold\",\"platinum\""), user -> data.membership
        .getOrDefault(user, List.of()).stream().anyMatch(Set.of("gold", "platinum")::contains));
  }

  @Test
  void excludeUsersYoungerThanTheLinesAge() throws Exception {
    SegmentFilter filter = data.load("EXCLUDE UserID WHERE Users.AGE < $AGE");
    // Users without an AGE, or missing from the Users dataset, are not younger than anything: they pass.
    assertPasses(filter, Map.of("AGE", "30"), user -> !(data.age.containsKey(user) && data.age.get(user) < 30));
    assertPasses(filter, Map.of("AGE", "\"45\""), user -> !(data.age.containsKey(user) && data.age.get(user) < 45));
  }

  @Test
  void includeUsersWhoClickedOrRated() throws Exception {
    SegmentFilter filter = data.load("INCLUDE UserID WHERE Interactions.EVENT_TYPE IN (\"click\", \"RATING\")");
    assertPasses(filter, Map.of(), user -> data.eventTypes.get(user).contains("click")
        || data.eventTypes.get(user).contains("rating"));
  }

  @Test
  void excludeUsersWithEventsOfTheLinesTypes() throws Exception {
    SegmentFilter filter = data.load("EXCLUDE UserID WHERE Interactions.EVENT_TYPE IN ($EVENT_TYPE)");
    assertPasses(filter, Map.of("EVENT_TYPE", "\"Purchase\""), user -> !data.eventTypes.get(user).contains("purchase"));
    // With no value the EXCLUDE expression is skipped: everyone passes.
    assertPasses(filter, Map.of(), user -> true);
    assertPasses(filter, Map.of("EVENT_TYPE", ""), user -> true);
  }

  @Test
  void includeMinusExcludeInEitherOrder() throws Exception {
    Predicate<String> expected = user -> data.membership.getOrDefault(user, List.of()).contains("silver")
        && !(data.age.containsKey(user) && data.age.get(user) >= 40);
    assertPasses(data.load("INCLUDE UserID WHERE Users.MEMBERSHIP = \"silver\" | EXCLUDE UserID WHERE Users.AGE >= 40"),
        Map.of(), expected);
    assertPasses(data.load("EXCLUDE UserID WHERE Users.AGE >= 40 | INCLUDE UserID WHERE Users.MEMBERSHIP = \"silver\""),
        Map.of(), expected);
  }

  @Test
  void eachDistinctSetOfValuesIsEvaluatedOnce() throws Exception {
    SegmentFilter filter = data.load("INCLUDE UserID WHERE Users.MEMBERSHIP IN ($MEMBERSHIP)");
    BitSet first = filter.allowedUsers(Map.of("MEMBERSHIP", "\"gold\""));
    assertThat(filter.allowedUsers(Map.of("MEMBERSHIP", "\"gold\"")), sameInstance(first));
  }

  @Test
  void valuesThatDoNotFitMakeThatLineAnError() throws Exception {
    SegmentFilter filter = data.load("INCLUDE UserID WHERE Users.MEMBERSHIP IN ($MEMBERSHIP) | "
        + "EXCLUDE UserID WHERE Users.AGE < $AGE");
    assertLineError(filter, Map.of("AGE", "30"),
        "\"filterValues\" has no value for MEMBERSHIP, which the filter's INCLUDE expression needs");
    assertLineError(filter, Map.of("MEMBERSHIP", "\"gold\"", "TIER", "\"x\""),
        "\"filterValues\" names TIER, which the filter does not use; its parameters are [AGE, MEMBERSHIP]");
    assertLineError(filter, Map.of("MEMBERSHIP", "\"gold"), "\"filterValues\".MEMBERSHIP is malformed: a quoted "
        + "value has no closing quote; write strings in double quotes separated by commas, e.g. "
        + "\"\\\"gold\\\",\\\"silver\\\"\"");
    assertLineError(filter, Map.of("MEMBERSHIP", "gold"), "\"filterValues\".MEMBERSHIP: gold must be in double "
        + "quotes, as MEMBERSHIP holds strings (e.g. \"\\\"gold\\\"\")");
    assertLineError(filter, Map.of("MEMBERSHIP", "\"gold\"", "AGE", "old"),
        "\"filterValues\".AGE: \"old\" is not a number, and AGE is a int field");
    assertLineError(filter, Map.of("MEMBERSHIP", "\"gold\"", "AGE", "30,40"),
        "\"filterValues\".AGE has 2 values, but < compares with one");
  }

  private static void assertLineError(SegmentFilter filter, Map<String, String> values, String message) {
    InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> filter.allowedUsers(values));
    assertThat(e.getMessage(), equalTo(message));
  }

  /** The filter lets through exactly the users the predicate holds for, and neither none nor all. */
  private static void assertPasses(SegmentFilter filter, Map<String, String> values, Predicate<String> expected)
      throws InvalidQueryException {
    Set<String> passed = idsOf(data, filter.allowedUsers(values));
    Set<String> wanted = new TreeSet<>(data.userIds.stream().filter(expected).toList());
    assertThat(passed, equalTo(wanted));
  }

  static Set<String> idsOf(FilterDatasets data, BitSet users) {
    Set<String> ids = new TreeSet<>();
    users.stream().forEach(user -> ids.add(data.userIds.get(user)));
    return ids;
  }

  @Test
  void theGeneratedDataGivesEveryRuleSomethingToBiteOn() {
    assertThat(data.userIds.size() - data.age.size(), greaterThan(10));
    assertThat(data.membership.values().stream().filter(values -> values.size() > 1).count(), greaterThan(5L));
    assertThat((long) data.membership.size(), lessThan((long) data.userIds.size()));
  }
}
