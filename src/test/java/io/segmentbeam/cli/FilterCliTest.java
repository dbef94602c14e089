package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.TreeSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Filters as resources, and applied by batch segment jobs on the sample data. */
class FilterCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String GROUP = "arn:aws:personalize:us-east-1:123456789012:dataset-group/sample";
  static final String FILTERS = "arn:aws:personalize:us-east-1:123456789012:filter/";
  static final Map<String, String> MEMBERSHIP = new HashMap<>();
  static final Map<String, Integer> AGE = new HashMap<>();

  @TempDir Path home;
  @TempDir Path work;

  @BeforeAll
  static void readSampleUsers() throws IOException {
    List<String> rows = Files.readAllLines(Path.of("sample-data", "datasets", "users.csv"));
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",");
      AGE.put(cells[0], Integer.parseInt(cells[1]));
      MEMBERSHIP.put(cells[0], cells[2]);
    }
  }

  @Test
  void createdFiltersDescribeAndListInAwsShapes() throws IOException {
    CliRun created = CliRun.run(home, "create-filter", "--name", "adults", "--dataset-group-arn", GROUP,
        "--filter-expression", "EXCLUDE UserID WHERE Users.AGE < 18");
    assertThat(created.err(), created.exitCode(), equalTo(0));
    assertThat(created.out(), equalTo("{\n    \"filterArn\": \"" + FILTERS + "adults\"\n}\n"));

    JsonNode filter = json(CliRun.run(home, "describe-filter", "--filter-arn", FILTERS + "adults").out()).get("filter");
    assertThat(CliRun.fieldNames(filter), equalTo(List.of("creationDateTime", "datasetGroupArn", "filterArn",
        "filterExpression", "lastUpdatedDateTime", "name", "status")));
    assertThat(filter.get("status").asText(), equalTo("ACTIVE"));
    assertThat(filter.get("filterExpression").asText(), equalTo("EXCLUDE UserID WHERE Users.AGE < 18"));

    // The created filter and the two declared in pipelines/filters/, newest first, one per page.
    List<String> names = new ArrayList<>();
    String token = null;
    do {
      List<String> args = new ArrayList<>(List.of("list-filters", "--max-results", "1"));
      if (token != null) {
        args.addAll(List.of("--next-token", token));
      }
      JsonNode page = json(CliRun.run(home, args.toArray(String[]::new)).out());
      assertThat(page.get("Filters").size(), equalTo(1));
      assertThat(CliRun.fieldNames(page.get("Filters").get(0)), equalTo(List.of("creationDateTime", "datasetGroupArn",
          "filterArn", "lastUpdatedDateTime", "name", "status")));
      names.add(page.get("Filters").get(0).get("name").asText());
      token = page.has("nextToken") ? page.get("nextToken").asText() : null;
    } while (token != null);
    assertThat(names.get(0), equalTo("adults"));
    assertThat(names.subList(1, names.size()), containsInAnyOrder("paying-members", "membership-over-age"));
  }

  @Test
  void badRequestsAreAwsErrorsThatSayWhatIsWrong() throws IOException {
    CliRun.run(home, "create-filter", "--name", "bad", "--dataset-group-arn", GROUP,
        "--filter-expression", "INCLUDE UserID WHERE Users.MEMBERSHIP IN (\"gold\"")
        .assertApiError("InvalidInputException",
            "Invalid filter expression at character 49: expected \",\" or \")\" to close the list at character 42, "
            + "found the end of the expression");
    CliRun.run(home, "create-filter", "--name", "long", "--dataset-group-arn", GROUP,
        "--filter-expression", "EXCLUDE UserID WHERE Users.AGE < 18" + " ".repeat(2500))
        .assertApiError("InvalidInputException",
            "Invalid filter expression at character 2501: an expression is at most 2,500 characters; this one has "
            + "2535");
    CliRun.run(home, "create-filter", "--name", "no group", "--dataset-group-arn", GROUP,
        "--filter-expression", "EXCLUDE UserID WHERE Users.AGE < 18")
        .assertApiError("InvalidInputException",
            "1 validation error detected: Value 'no group' at 'name' failed to satisfy constraint: Member must satisfy "
            + "regular expression pattern: ^[a-zA-Z0-9][a-zA-Z0-9\\-_]*");
    CliRun.run(home, "create-filter", "--name", "elsewhere", "--dataset-group-arn", GROUP + "-x",
        "--filter-expression", "EXCLUDE UserID WHERE Users.AGE < 18")
        .assertApiError("ResourceNotFoundException",
            "Could not find datasetGroupArn " + GROUP + "-x: no dataset group with that ARN is declared or created.");
    CliRun.run(home, "create-filter", "--name", "paying-members", "--dataset-group-arn", GROUP,
        "--filter-expression", "EXCLUDE UserID WHERE Users.AGE < 18")
        .assertApiError("ResourceAlreadyExistsException",
            "A filter with the name paying-members already exists.");
    CliRun.run(home, "describe-filter", "--filter-arn", FILTERS + "none")
        .assertApiError("ResourceNotFoundException",
            "Could not find filterArn " + FILTERS + "none.");
  }

  @Test
  void aFilteredSegmentIsTheUnfilteredRankingWithFailingUsersSkipped() throws IOException {
    List<List<String>> all = segments(job("everyone", null, 1000, "sample-data/input/"));
    List<List<String>> paying = segments(job("paying", FILTERS + "paying-members", 25, "sample-data/input/"));
    assertThat(paying, hasSize(50));
    for (int line = 0; line < paying.size(); line++) {
      List<String> expected = all.get(line).stream().filter(user -> !MEMBERSHIP.get(user).equals("bronze"))
          .limit(25).toList();
      assertThat(paying.get(line), hasSize(25));
      assertThat(paying.get(line), equalTo(expected));
    }
  }

  @Test
  void filterValuesApplyPerLineAndBadOnesFailOnlyTheirLine() throws IOException {
    Path input = Files.createDirectories(work.resolve("in"));
    Files.writeString(input.resolve("lines.json"), String.join("\n",
        "{\"itemId\": \"100057\", \"filterValues\": {\"MEMBERSHIP\": \"\\\"gold\\\"\", \"AGE\": \"40\"}}",
        "{\"itemId\": \"100057\", \"filterValues\": {\"AGE\": \"40\"}}",
        "{\"itemId\": \"100057\", \"filterValues\": {\"MEMBERSHIP\": \"\\\"gold\\\",\\\"platinum\\\"\"}}",
        "{\"itemId\": \"100057\", \"filterValues\": {\"MEMBERSHIP\": \"\\\"gold\\\"\", \"COLOR\": \"\\\"red\\\"\"}}")
        + "\n");
    // Every one of the 1,000 users may be in a segment: each one holds exactly the users its filter allows.
    Path output = job("values", FILTERS + "membership-over-age", 1000, input + "/");
    List<JsonNode> lines = new ArrayList<>();
    for (String line : Files.readAllLines(output.resolve("lines.json.out"))) {
      lines.add(json(line));
    }
    assertThat(new TreeSet<>(users(lines.get(0))), equalTo(new TreeSet<>(MEMBERSHIP.keySet().stream()
        .filter(u -> MEMBERSHIP.get(u).equals("gold") && AGE.get(u) >= 40).toList())));
    assertThat(lines.get(1).get("error").asText(), equalTo("\"filterValues\" has no value for MEMBERSHIP, which the "
        + "filter's INCLUDE expression needs"));
    // No AGE: the EXCLUDE expression is skipped, so gold and platinum users of every age are in.
    assertThat(new TreeSet<>(users(lines.get(2))), equalTo(new TreeSet<>(MEMBERSHIP.keySet().stream()
        .filter(u -> List.of("gold", "platinum").contains(MEMBERSHIP.get(u))).toList())));
    assertThat(lines.get(3).get("error").asText(), equalTo("\"filterValues\" names COLOR, which the filter does not "
        + "use; its parameters are [AGE, MEMBERSHIP]"));
    assertThat(lines.get(0).get("error").isNull(), equalTo(true));
  }

  @Test
  void anInteractionsFilterCannotServeAnItemAttributeAffinityJob() throws IOException {
    assertThat(CliRun.run(home, "create-filter", "--name", "clickers", "--dataset-group-arn", GROUP,
        "--filter-expression", "INCLUDE UserID WHERE Interactions.EVENT_TYPE IN (\"click\")").exitCode(), equalTo(0));
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("pipelines", "sample-attribute-segment-job.json").toFile());
    request.put("filterArn", FILTERS + "clickers");
    ((ObjectNode) request.get("jobOutput").get("s3DataDestination")).put("path", work.resolve("attr") + "/");
    CliRun.run(home, "create-batch-segment-job", "--cli-input-json", request.toString())
        .assertApiError("InvalidInputException",
            "Filter " + FILTERS + "clickers uses the Interactions dataset, which filters for "
            + "Item-Attribute-Affinity solution versions cannot use; filter on Users fields instead");
    assertThat(Files.exists(work.resolve("attr")), equalTo(false));
  }

  /** Runs the sample Item-Affinity job with a filter (or none) and returns its output folder. */
  private Path job(String name, String filterArn, int numResults, String input) throws IOException {
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("pipelines", "sample-batch-segment-job.json").toFile());
    request.put("jobName", name).put("numResults", numResults);
    if (filterArn != null) {
      request.put("filterArn", filterArn);
    }
    ((ObjectNode) request.get("jobInput").get("s3DataSource")).put("path", input);
    Path output = work.resolve(name);
    ((ObjectNode) request.get("jobOutput").get("s3DataDestination")).put("path", output + "/");
    CliRun run = CliRun.run(home, "create-batch-segment-job", "--cli-input-json", request.toString());
    assertThat(run.err(), run.exitCode(), equalTo(0));
    return output;
  }

  private static List<List<String>> segments(Path output) throws IOException {
    List<List<String>> segments = new ArrayList<>();
    for (String file : List.of("items-1.json.out", "items-2.json.out")) {
      for (String line : Files.readAllLines(output.resolve(file))) {
        JsonNode parsed = json(line);
        assertThat(parsed.get("error").asText(), parsed.get("error").isNull(), equalTo(true));
        segments.add(users(parsed));
      }
    }
    return segments;
  }

  private static List<String> users(JsonNode line) {
    assertThat(line.toString(), line.get("output"), not(nullValue()));
    List<String> users = new ArrayList<>();
    line.get("output").get("usersList").forEach(user -> users.add(user.asText()));
    return users;
  }



  private static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }
}
