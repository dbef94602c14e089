package io.segmentbeam.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.segmentbeam.dataset.DatasetFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.CharRange;

/**
 * The user base's bins, for any Users dataset: every user falls in a bin that holds their value,
 * each row is counted once per bin it falls in, the values shown are the most held, and a segment
 * spread like the user base diverges from it by 0.
 */
class UserBaseTest {

  @Property(tries = 200)
  void everyNumberFallsInTheRangeOfItsBin(@ForAll @Size(min = 1, max = 300) List<@IntRange(min = -50, max = 400)
      Integer> ages, @ForAll @Size(min = 1, max = 300) List<@IntRange(min = -1000, max = 1000) Integer> thousandths)
      throws IOException {
    int rows = Math.min(ages.size(), thousandths.size());
    List<String> lines = new ArrayList<>();
    for (int row = 0; row < rows; row++) {
      // Every seventh user has no AGE.
      lines.add("u" + row + "," + (row % 7 == 3 ? "" : ages.get(row)) + "," + thousandths.get(row) / 1000.0 + ",x");
    }
    UserBase base = read(lines);
    UserBase.Field age = base.fields().get(0);
    UserBase.Field score = base.fields().get(1);
    assertThat(age.name(), equalTo("AGE"));
    assertThat(age.bins().size() - 1, lessThanOrEqualTo(UserBase.NUMBER_BINS));
    assertThat(score.bins().size() - 1, lessThanOrEqualTo(UserBase.NUMBER_BINS));
    for (int row = 0; row < rows; row++) {
      int[] ageBins = base.binsOf(0, "u" + row);
      assertThat(ageBins.length, equalTo(1));
      UserBase.Bin ageBin = age.bins().get(ageBins[0]);
      if (row % 7 == 3) {
        assertThat(ageBin.label(), equalTo(UserBase.NO_VALUE));
      } else {
        assertThat(ageBin.low(), lessThanOrEqualTo((double) ages.get(row)));
        assertThat(ageBin.high(), greaterThanOrEqualTo((double) ages.get(row)));
      }
      UserBase.Bin scoreBin = score.bins().get(base.binsOf(1, "u" + row)[0]);
      assertThat(scoreBin.low(), lessThanOrEqualTo(thousandths.get(row) / 1000.0));
      assertThat(scoreBin.high(), greaterThanOrEqualTo(thousandths.get(row) / 1000.0));
    }
    assertThat(Arrays.stream(age.rows()).sum(), equalTo((long) rows));
    assertThat(Arrays.stream(score.rows()).sum(), equalTo((long) rows));
    assertThat(base.binsOf(0, "nobody"), equalTo(new int[] {age.bins().size() - 1}));
  }

  @Property(tries = 200)
  void theValuesShownAreTheMostHeldAndEachHolderCountsOnce(@ForAll @Size(min = 1, max = 200)
      List<@Size(min = 1, max = 3) List<@StringLength(min = 1, max = 2) @CharRange(from = 'a', to = 'p') String>> plans)
      throws IOException {
    List<String> lines = new ArrayList<>();
    Map<String, Long> holders = new HashMap<>();
    for (int row = 0; row < plans.size(); row++) {
      lines.add("u" + row + ",1,0.5," + String.join("|", plans.get(row)));
      plans.get(row).stream().distinct().forEach(plan -> holders.merge(plan, 1L, Long::sum));
    }
    UserBase.Field plan = read(lines).fields().get(2);
    List<UserBase.Bin> values = plan.bins().stream()
        .filter(bin -> !bin.label().equals(UserBase.OTHER_VALUES) && !bin.label().equals(UserBase.NO_VALUE)).toList();
    assertThat(values.size(), equalTo(Math.min(UserBase.TOP_VALUES, holders.size())));
    long leastShown = Long.MAX_VALUE;
    for (int bin = 0; bin < values.size(); bin++) {
      long held = holders.get(values.get(bin).label());
      assertThat(plan.rows()[bin], equalTo(held));
      leastShown = Math.min(leastShown, held);
    }
    List<String> shown = values.stream().map(UserBase.Bin::label).toList();
    long most = holders.entrySet().stream().filter(entry -> !shown.contains(entry.getKey()))
        .mapToLong(Map.Entry::getValue).max().orElse(0);
    assertThat(most, lessThanOrEqualTo(leastShown));
    long others = IntStream.range(0, plans.size())
        .filter(row -> plans.get(row).stream().anyMatch(p -> !shown.contains(p)))
        .count();
    assertThat(holders.size() > UserBase.TOP_VALUES ? plan.rows()[values.size()] : 0, equalTo(others));
  }

  @Property(tries = 100)
  void aSegmentOfEveryUserDoesNotDiverge(@ForAll @Size(min = 1, max = 100) List<@IntRange(min = 0, max = 99)
      Integer> ages) throws IOException {
    List<String> lines = new ArrayList<>();
    List<String> everyone = new ArrayList<>();
    for (int row = 0; row < ages.size(); row++) {
      lines.add("u" + row + "," + ages.get(row) + ",0," + (ages.get(row) % 3 == 0 ? "a" : "b|c"));
      everyone.add("u" + row);
    }
    for (FieldDistribution field : FieldDistribution.of(read(lines), everyone)) {
      assertThat(field.field().name(), field.divergence(), closeTo(0, 1e-12));
    }
  }

  /** A Users dataset of rows {@code USER_ID,AGE,SCORE,PLAN}, AGE nullable, PLAN categorical. */
  private static UserBase read(List<String> rows) throws IOException {
    Set<String> users = rows.stream().map(row -> row.substring(0, row.indexOf(','))).collect(Collectors.toSet());
    Path folder = Files.createTempDirectory("users");
    try {
      Path data = folder.resolve("users.csv");
      List<String> lines = new ArrayList<>(List.of("USER_ID,AGE,SCORE,PLAN"));
      lines.addAll(rows);
      Files.write(data, lines);
      Path schema = Files.writeString(folder.resolve("users-schema.json"), """
          {"type": "record", "name": "Users", "namespace": "com.amazonaws.personalize.schema", "fields": [
            {"name": "USER_ID", "type": "string"}, {"name": "AGE", "type": ["null", "int"]},
            {"name": "SCORE", "type": "double"}, {"name": "PLAN", "type": "string", "categorical": true}],
           "version": "1.0"}""");
      return UserBase.read(new DatasetFiles(data.toString(), schema.toString()), users);
    } finally {
      try (var files = Files.list(folder)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(folder);
    }
  }
}
