package io.segmentbeam.filter;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.sample.SampleDataGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Generated Users and Interactions datasets for filter tests, roughened so that every rule has
 * something to bite on: some users have no AGE or MEMBERSHIP, some several MEMBERSHIP values, some
 * are missing from the Users dataset, and event types come in mixed case. The test's own view of
 * the data is read with plain string splitting, independently of the product's dataset reader.
 */
final class FilterDatasets {
  final DatasetFiles users;
  final DatasetFiles interactions;
  /** The model's users: every user with an event, in ascending id order. */
  final List<String> userIds;
  final Map<String, Integer> age = new HashMap<>();
  final Map<String, List<String>> membership = new HashMap<>();
  final Map<String, Set<String>> eventTypes = new HashMap<>();

  FilterDatasets(Path folder) throws IOException {
    new SampleDataGenerator(new SampleDataGenerator.Settings(7, 300, 60, 8, 1, 5)).writeTo(folder);
    Path datasets = folder.resolve("datasets");
    Random random = new Random(11);
    Set<String> modelUsers = new TreeSet<>();
    List<String> events = new ArrayList<>(Files.readAllLines(datasets.resolve("interactions.csv")));
    for (int i = 1; i < events.size(); i++) {
      String[] cells = events.get(i).split(",", -1);
      if (random.nextInt(4) == 0) {
        cells[2] = cells[2].toUpperCase(Locale.ROOT);
        events.set(i, String.join(",", cells));
      }
      modelUsers.add(cells[0]);
      eventTypes.computeIfAbsent(cells[0], u -> new HashSet<>()).add(cells[2].toLowerCase(Locale.ROOT));
    }
    Files.write(datasets.resolve("interactions.csv"), events);
    userIds = List.copyOf(modelUsers);

    List<String> rows = new ArrayList<>(List.of("USER_ID,AGE,MEMBERSHIP"));
    List<String> original = Files.readAllLines(datasets.resolve("users.csv"));
    for (String row : original.subList(1, original.size())) {
      String[] cells = row.split(",", -1);
      int roll = random.nextInt(20);
      if (roll == 0) {
        continue;
      }
      String ageCell = roll == 1 ? "" : cells[1];
      String membershipCell = roll == 2 ? "" : roll == 3 ? cells[2] + "|gold" : cells[2];
      rows.add(cells[0] + "," + ageCell + "," + membershipCell);
      if (!ageCell.isEmpty()) {
        age.put(cells[0], Integer.parseInt(ageCell));
      }
      if (!membershipCell.isEmpty()) {
        membership.put(cells[0], List.of(membershipCell.split("\\|")));
      }
    }
    Files.write(datasets.resolve("users.csv"), rows);
    Files.writeString(datasets.resolve("users-schema.json"), """
        {"type": "record", "name": "Users", "namespace": "com.amazonaws.personalize.schema",
         "fields": [{"name": "USER_ID", "type": "string"}, {"name": "AGE", "type": ["null", "int"]},
                    {"name": "MEMBERSHIP", "type": ["null", "string"], "categorical": true}],
         "version": "1.0"}
        """);
    users = new DatasetFiles(datasets.resolve("users.csv").toString(), datasets.resolve("users-schema.json").toString());
    interactions = new DatasetFiles(datasets.resolve("interactions.csv").toString(),
        datasets.resolve("interactions-schema.json").toString());
  }

  SegmentFilter load(String expression) throws IOException, InvalidFilterException {
    return SegmentFilter.load(new FilterSpec("arn:aws:personalize:us-east-1:123456789012:filter/test", expression,
        users, interactions), userIds.size(), user -> Math.max(-1, Collections.binarySearch(userIds, user)));
  }
}
