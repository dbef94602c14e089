package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of the sample filtered job, opened in headless Chromium: every chart is drawn, the
 * console stays quiet, and every figure the page shows equals what this test counts on its own
 * from the job's {@code .out} files, the sample Users dataset and the model's factor files. The
 * screenshots it takes are the ones README shows ({@code target/report-sample*.png}).
 */
class ReportBrowserIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ARN = "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/sample-filtered";
  /** The sample filter: INCLUDE UserID WHERE Users.MEMBERSHIP IN ("silver", "gold", "platinum"). */
  private static final Set<String> PAYING = Set.of("silver", "gold", "platinum");
  private static final Path MODEL = Path.of("sample-data", "models", "sample-item-affinity");
  /** Relative, so that the page (and its screenshot) names no folder of this machine. */
  private static final Path WORK = Path.of("target", "report-browser");

  @TempDir Path home;

  /** What the page holds once every segment is opened: its tables, charts and drawn sizes. */
  private static final String READ_PAGE = """
      document.querySelectorAll('details').forEach(d => d.open = true);
      const box = e => { const b = e.getBoundingClientRect(); return [b.width, b.height]; };
      return JSON.stringify({
        rows: [...document.querySelectorAll('tr[data-line]')].map(r => ({line: r.dataset.line, size: r.dataset.size,
          leftOut: r.dataset.leftOut, modelUsers: r.dataset.modelUsers, low: r.dataset.lowScore,
          high: r.dataset.highScore, cells: [...r.cells].map(c => c.innerText)})),
        segments: [...document.querySelectorAll('details[data-segment-line]')].map(d => ({
          line: d.dataset.segmentLine, summary: d.querySelector('summary').innerText,
          fields: [...d.querySelectorAll('figure')].map(f => ({field: f.dataset.field,
            divergence: f.dataset.divergence, bins: [...f.querySelectorAll('g[data-bin]')].map(g => ({
              bin: g.dataset.bin, low: g.dataset.low, high: g.dataset.high, segment: g.dataset.segment,
              base: g.dataset.base, label: g.querySelector('text').textContent,
              bars: [...g.querySelectorAll('rect')].map(r => r.getBBox().width)}))}))})),
        charts: [...document.querySelectorAll('svg')].map(s => ({kind: s.getAttribute('class'), box: box(s),
          drawn: [...s.querySelectorAll('rect')].filter(r => r.getBBox().width > 0).length})),
        heatCells: document.querySelectorAll('svg.heatmap rect[data-jaccard]').length
      });""";

  @Test
  void theSampleFilteredReportShowsTheFiguresOfItsOutputUsersAndModel() throws IOException {
    if (Files.exists(WORK)) {
      PathUtils.deleteDirectory(WORK);
    }
    Files.createDirectories(WORK);
    Path output = WORK.resolve("output");
    CliRun job = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-filtered-segment-job.json",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + output + "/\"}}");
    assertThat(job.err(), job.exitCode(), equalTo(0));
    Path page = WORK.resolve("sample-filtered.html");
    CliRun report = CliRun.run(home, "report", "--batch-segment-job-arn", ARN, "--report-file", page.toString());
    assertThat(report.err(), report.exitCode(), equalTo(0));

    JsonNode shown;
    try (HeadlessChromium browser = new HeadlessChromium(1280, 1800)) {
      browser.open(page.toAbsolutePath());
      Files.write(Path.of("target", "report-sample.png"), browser.screenshot());
      browser.run("document.getElementById('segments').scrollIntoView()");
      Files.write(Path.of("target", "report-sample-segments.png"), browser.screenshot());
      shown = JSON.readTree((String) browser.run(READ_PAGE));
      assertThat(browser.consoleProblems(), empty());
    }

    Map<String, List<String>> segments = segments(output);
    Map<String, String[]> users = users();
    Map<String, float[]> userFactors = factors(MODEL.resolve("user-factors.jsonl"));
    Map<String, float[]> itemFactors = factors(MODEL.resolve("item-factors.jsonl"));
    long allowed = userFactors.keySet().stream().filter(user -> users.containsKey(user)
        && PAYING.contains(users.get(user)[1])).count();

    // Every chart drawn: a size bar per line, the heat map, and a chart per Users field per line.
    int fields = 2;
    assertThat(shown.get("charts").size(), equalTo(segments.size() * (1 + fields) + 1));
    for (JsonNode chart : shown.get("charts")) {
      assertThat(chart.toString(), chart.get("box").get(0).asDouble(), greaterThan(0.0));
      assertThat(chart.toString(), chart.get("box").get(1).asDouble(), greaterThan(0.0));
      assertThat(chart.toString(), chart.get("drawn").asInt(), greaterThan(0));
    }
    assertThat(shown.get("heatCells").asInt(), equalTo(segments.size() * segments.size()));

    // The table: each line's size, what the filter left out, and its scores' range, as shown.
    assertThat(shown.get("rows").size(), equalTo(segments.size()));
    for (JsonNode row : shown.get("rows")) {
      List<String> segment = segments.get(row.get("line").asText());
      JsonNode cells = row.get("cells");
      assertThat(cells.get(2).asText(), equalTo(String.valueOf(segment.size())));
      long leftOut = userFactors.size() - allowed;
      assertThat(cells.get(4).asText(), equalTo(String.format(Locale.ROOT, "%,d of %,d (%.1f %%)", leftOut,
          userFactors.size(), 100.0 * leftOut / userFactors.size())));
      String item = JSON.readTree(cells.get(1).asText()).get("itemId").asText();
      double[] scores = segment.stream().mapToDouble(user -> dot(userFactors.get(user), itemFactors.get(item)))
          .toArray();
      double low = Arrays.stream(scores).min().orElseThrow();
      double high = Arrays.stream(scores).max().orElseThrow();
      assertThat(row.get("low").asDouble(), closeTo(low, 1e-4));
      assertThat(row.get("high").asDouble(), closeTo(high, 1e-4));
      String[] range = cells.get(5).asText().split(" to ");
      assertThat(Double.parseDouble(range[0]), closeTo(low, 1e-4));
      assertThat(Double.parseDouble(range[1]), closeTo(high, 1e-4));
    }

    // Each segment beside the user base: every bin's two counts, the divergence and the fields' order.
    assertThat(shown.get("segments").size(), equalTo(segments.size()));
    for (JsonNode line : shown.get("segments")) {
      List<String> segment = segments.get(line.get("line").asText());
      assertThat(line.get("summary").asText(), line.get("summary").asText().endsWith(": " + segment.size()
          + " users"), equalTo(true));
      double previous = 1;
      for (JsonNode field : line.get("fields")) {
        int column = field.get("field").asText().equals("AGE") ? 0 : 1;
        List<long[]> counts = new ArrayList<>();
        for (JsonNode bin : field.get("bins")) {
          Predicate<String[]> holds = binTest(bin, column);
          long base = users.values().stream().filter(holds).count();
          long inSegment = segment.stream().map(users::get).filter(holds).count();
          assertThat(bin.toString(), bin.get("base").asLong(), equalTo(base));
          assertThat(bin.toString(), bin.get("segment").asLong(), equalTo(inSegment));
          assertThat(bin.get("label").asText(), equalTo(bin.get("bin").asText()));
          counts.add(new long[] {inSegment, base});
          drawnToScale(field, bin, segment.size(), users.size());
        }
        assertThat(field.toString(), counts.stream().mapToLong(c -> c[1]).sum(), equalTo((long) users.size()));
        assertThat(field.toString(), counts.stream().mapToLong(c -> c[0]).sum(), equalTo((long) segment.size()));
        double divergence = totalVariation(counts, segment.size(), users.size());
        assertThat(field.toString(), field.get("divergence").asDouble(), closeTo(divergence, 0.00005));
        assertThat(field.get("divergence").asDouble(), greaterThanOrEqualTo(0.0));
        assertThat("fields are ordered by divergence", previous, greaterThanOrEqualTo(divergence - 0.00005));
        previous = divergence;
      }
      assertThat(line.get("fields").size(), equalTo(fields));
    }
  }

  /** Which users (USER_ID's row: AGE, MEMBERSHIP) a bin holds: a number range, or one value. */
  private static Predicate<String[]> binTest(JsonNode bin, int column) {
    if (bin.has("low")) {
      double low = bin.get("low").asDouble();
      double high = bin.get("high").asDouble();
      return user -> user != null && !user[column].isEmpty() && Double.parseDouble(user[column]) >= low
          && Double.parseDouble(user[column]) <= high;
    }
    String value = bin.get("bin").asText();
    return value.equals("no value") ? user -> user == null || user[column].isEmpty()
        : user -> user != null && user[column].equals(value);
  }

  /** A chart's bars share one scale: each bar's length over its share is the same in the whole chart. */
  private static void drawnToScale(JsonNode field, JsonNode bin, int segmentUsers, int baseUsers) {
    double segmentShare = bin.get("segment").asDouble() / segmentUsers;
    double baseShare = bin.get("base").asDouble() / baseUsers;
    double scale = field.get("bins").get(0).get("bars").get(1).asDouble()
        / (field.get("bins").get(0).get("base").asDouble() / baseUsers);
    assertThat(bin.toString(), bin.get("bars").get(0).asDouble(), closeTo(segmentShare * scale, 0.15));
    assertThat(bin.toString(), bin.get("bars").get(1).asDouble(), closeTo(baseShare * scale, 0.15));
  }

  /** Half the sum of the differences between the two spreads' shares, each share of its spread's total. */
  private static double totalVariation(List<long[]> counts, int segmentUsers, int baseUsers) {
    return counts.stream().mapToDouble(c -> Math.abs((double) c[0] / segmentUsers - (double) c[1] / baseUsers))
        .sum() / 2;
  }

  /** Each output line's segment by its place ({@code items-1.json.out:3}). */
  private static Map<String, List<String>> segments(Path output) throws IOException {
    Map<String, List<String>> segments = new LinkedHashMap<>();
    for (String file : List.of("items-1.json.out", "items-2.json.out")) {
      List<String> lines = Files.readAllLines(output.resolve(file));
      for (int i = 0; i < lines.size(); i++) {
        List<String> users = new ArrayList<>();
        JSON.readTree(lines.get(i)).get("output").get("usersList").forEach(user -> users.add(user.asText()));
        segments.put(file + ":" + (i + 1), users);
      }
    }
    return segments;
  }

  /** The sample Users dataset: USER_ID to {AGE, MEMBERSHIP}. */
  private static Map<String, String[]> users() throws IOException {
    Map<String, String[]> users = new HashMap<>();
    List<String> rows = Files.readAllLines(Path.of("sample-data", "datasets", "users.csv"));
    assertThat(rows.get(0), equalTo("USER_ID,AGE,MEMBERSHIP"));
    for (String row : rows.subList(1, rows.size())) {
      String[] cells = row.split(",", -1);
      users.put(cells[0], new String[] {cells[1], cells[2]});
    }
    return users;
  }

  private static Map<String, float[]> factors(Path file) throws IOException {
    Map<String, float[]> factors = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      JsonNode row = JSON.readTree(line);
      float[] vector = new float[row.get("features").size()];
      for (int i = 0; i < vector.length; i++) {
        vector[i] = (float) row.get("features").get(i).asDouble();
      }
      factors.put(row.get("id").asText(), vector);
    }
    return factors;
  }

  private static double dot(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }
}
