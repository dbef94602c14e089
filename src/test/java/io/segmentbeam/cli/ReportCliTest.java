package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.report.SegmentReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} on a job of the sample's lines and some bad ones: every figure on the page equals
 * what the {@code .out} files say, counted here on their own, and nothing from the input reaches
 * the page unescaped.
 */
class ReportCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN = "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/reported";

  @TempDir Path home;
  @TempDir Path work;

  @Test
  void everyFigureOnThePageEqualsTheOutFiles() throws IOException {
    Path input = Files.createDirectories(work.resolve("input"));
    Files.copy(Path.of("sample-data", "input", "items-1.json"), input.resolve("items-1.json"));
    Files.write(input.resolve("bad.json"), List.of("{\"itemId\": \"<script>alert(1)</script>\"}", "not json",
        "{\"itemId\": \"<script>alert(1)</script>\"}", "{\"itemId\": \"100057\"}"));
    CliRun job = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-filtered-segment-job.json", "--job-name", "reported",
        "--job-input", "{\"s3DataSource\": {\"path\": \"" + input + "/\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("output") + "/\"}}");
    assertThat(job.err(), job.exitCode(), equalTo(0));
    Path page = work.resolve("report.html");
    CliRun report = CliRun.run(home, "report", "--batch-segment-job-arn", ARN, "--report-file", page.toString());
    assertThat(report.err(), report.exitCode(), equalTo(0));
    String html = Files.readString(page);

    List<String> places = new ArrayList<>();
    Map<String, List<String>> segments = new LinkedHashMap<>();
    Map<String, Integer> errors = new HashMap<>();
    for (String file : List.of("bad.json.out", "items-1.json.out")) {
      List<String> lines = Files.readAllLines(work.resolve("output").resolve(file));
      for (int i = 0; i < lines.size(); i++) {
        JsonNode line = JSON.readTree(lines.get(i));
        String place = file + ":" + (i + 1);
        places.add(place);
        if (line.get("error").isNull()) {
          List<String> users = new ArrayList<>();
          line.get("output").get("usersList").forEach(user -> users.add(user.asText()));
          segments.put(place, users);
        } else {
          errors.merge(line.get("error").asText(), 1, Integer::sum);
        }
      }
    }
    assertThat(attribute(html, "data-lines"), equalTo(List.of(String.valueOf(places.size()))));
    assertThat(attribute(html, "data-served"), equalTo(List.of(String.valueOf(segments.size()))));
    assertThat(attribute(html, "data-errors"), equalTo(List.of("3")));
    assertThat(attribute(html, "data-error-count").stream().mapToInt(Integer::parseInt).sum(), equalTo(3));
    assertThat(attribute(html, "data-error-count").size(), equalTo(errors.size()));

    Map<String, String> sizes = new LinkedHashMap<>();
    segments.forEach((place, users) -> sizes.put(place, String.valueOf(users.size())));
    assertThat(pairs(html, "data-line", "data-size"), equalTo(sizes));

    List<String> served = new ArrayList<>(segments.keySet());
    Matcher cell = Pattern.compile("data-a=\"([^\"]+)\" data-b=\"([^\"]+)\" data-jaccard=\"([^\"]+)\"").matcher(html);
    int cells = 0;
    while (cell.find()) {
      double expected = jaccard(segments.get(cell.group(1)), segments.get(cell.group(2)));
      assertThat(cell.group(), Double.parseDouble(cell.group(3)), equalTo(Math.round(expected * 10_000) / 10_000.0));
      cells++;
    }
    int compared = Math.min(served.size(), SegmentReport.OVERLAP_LINES);
    assertThat(cells, equalTo(compared * compared));

    Map<String, Integer> memberships = new TreeMap<>();
    segments.values().forEach(users -> users.forEach(user -> memberships.merge(user, 1, Integer::sum)));
    pairs(html, "data-user", "data-segments").forEach((user, count) ->
        assertThat(user, Integer.parseInt(count), equalTo(memberships.get(user))));
    int most = memberships.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
    assertThat(attribute(html, "data-segments").get(0), equalTo(String.valueOf(most)));

    assertThat(html, containsString("data-metric=\"precision_at_25\">0.1051<"));
    assertThat(html, not(containsString("<script")));
    assertThat(html, containsString("&lt;script&gt;"));
  }

  @Test
  void aJobWithoutUsersOrScoresSaysWhyItsPageHasNone() throws IOException {
    CliRun job = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-cooccurrence-segment-job.json",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("output") + "/\"}}");
    assertThat(job.err(), job.exitCode(), equalTo(0));
    Path page = work.resolve("report.html");
    CliRun report = CliRun.run(home, "report", "--batch-segment-job-arn",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/sample-cooccurrence", "--report-file",
        page.toString());
    assertThat(report.err(), report.exitCode(), equalTo(0));
    String html = Files.readString(page);
    assertThat(html, containsString("<p class=\"note\" data-no-users>No Users fields to compare: no Users dataset "
        + "is known for this job: it has no filter on a dataset group with one, and its solution version was not "
        + "trained in one.</p>"));
    assertThat(html, not(containsString("<figure")));
    assertThat(html.split("<td>no filter</td><td><span class=\"note\">this model ranks users without scores"
        + "</span></td>", -1).length - 1, equalTo(50));
  }

  @Test
  void aModelGoneSinceTheJobLeavesTheRestOfThePage() throws IOException {
    Path model = Files.createDirectories(work.resolve("model"));
    for (String file : List.of("user-factors.jsonl", "item-factors.jsonl")) {
      Files.copy(Path.of("sample-data", "models", "sample-item-affinity", file), model.resolve(file));
    }
    Path versions = Files.createDirectories(work.resolve("solution-versions"));
    Files.writeString(versions.resolve("sample.json"), "{\"solutionVersionArn\": \"arn:aws:personalize:us-east-1:"
        + "123456789012:solution/sample-item-affinity/9a77e2ec\", \"recipeArn\": \"arn:aws:personalize:::recipe/"
        + "aws-item-affinity\", \"model\": {\"type\": \"latent-factors\", \"userFactors\": \"" + model
        + "/user-factors.jsonl\", \"itemFactors\": \"" + model + "/item-factors.jsonl\"}}");
    CliRun job = CliRun.run(home, "create-batch-segment-job", "--solution-versions", versions.toString(),
        "--cli-input-json", "file://pipelines/sample-filtered-segment-job.json",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("output") + "/\"}}");
    assertThat(job.err(), job.exitCode(), equalTo(0));
    Files.delete(model.resolve("user-factors.jsonl"));

    Path page = work.resolve("report.html");
    CliRun report = CliRun.run(home, "report", "--solution-versions", versions.toString(), "--batch-segment-job-arn",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/sample-filtered", "--report-file",
        page.toString());
    assertThat(report.err(), report.exitCode(), equalTo(0));
    String html = Files.readString(page);
    assertThat(html, containsString("<span class=\"note\">No filter or score figures: the lines cannot be scored "
        + "again: "));
    assertThat(html, not(containsString("data-low-score")));
    assertThat(html.split("<figure data-field=\"AGE\"", -1).length - 1, equalTo(50));
    assertThat(attribute(html, "data-served"), equalTo(List.of("50")));
  }

  @Test
  void aJobThatFailedHasNoReportAndItsMessageSaysWhy() throws IOException {
    Path empty = Files.createDirectories(work.resolve("empty"));
    CliRun job = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--job-name", "failed",
        "--job-input", "{\"s3DataSource\": {\"path\": \"" + empty + "/\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("output") + "/\"}}");
    assertThat(job.err(), job.exitCode(), not(equalTo(0)));
    String arn = "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/failed";
    CliRun report = CliRun.run(home, "report", "--batch-segment-job-arn", arn);
    assertThat(report.err(), report.exitCode(), not(equalTo(0)));
    assertThat(report.err(), containsString("batch segment job " + arn + " is CREATE FAILED: only an ACTIVE job's "
        + "output can be read to report on it"));
    assertThat(report.err(), not(containsString("\tat ")));
  }

  /** Users in both over users in either, counted here as the page's reader would. */
  private static double jaccard(List<String> a, List<String> b) {
    Set<String> either = new HashSet<>(a);
    either.addAll(b);
    Set<String> both = new HashSet<>(a);
    both.retainAll(b);
    return either.isEmpty() ? 1 : (double) both.size() / either.size();
  }

  private static List<String> attribute(String html, String name) {
    Matcher matcher = Pattern.compile(" " + name + "=\"([^\"]*)\"").matcher(html);
    List<String> values = new ArrayList<>();
    while (matcher.find()) {
      values.add(matcher.group(1));
    }
    return values;
  }

  /** Each element's two attributes, in page order. */
  private static Map<String, String> pairs(String html, String key, String value) {
    Matcher matcher = Pattern.compile(" " + key + "=\"([^\"]*)\" " + value + "=\"([^\"]*)\"").matcher(html);
    Map<String, String> pairs = new LinkedHashMap<>();
    while (matcher.find()) {
      pairs.put(matcher.group(1), matcher.group(2));
    }
    return pairs;
  }
}
