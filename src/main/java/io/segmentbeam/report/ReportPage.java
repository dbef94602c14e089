package io.segmentbeam.report;

import io.segmentbeam.api.BatchSegmentJob;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's report as one self-contained HTML page: no scripts, fonts or requests, so it opens from
 * a file, a mail or the endpoint alike. The charts are inline SVG, drawn here and by
 * {@link DistributionChart} (bars and a heat map need nothing more); every figure a test or a
 * reader may check carries its value in a {@code data-} attribute, and every text from the job is
 * escaped.
 */
final class ReportPage {
  private static final int CELL = 10;
  private static final int BAR_WIDTH = 240;

  /** Segments whose charts are open as the page opens; the others open on a click, so a long job's page stays quick. */
  private static final int OPEN_LINES = 10;

  private ReportPage() {}

  static String render(BatchSegmentJob job, Map<String, Double> metrics, SegmentReport report, LineContext context) {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(html("Batch segment job " + job.jobName())).append("</title>\n<style>").append(STYLE)
        .append("</style></head>\n<body>\n<h1>Batch segment job <code>").append(html(job.jobName()))
        .append("</code> <span class=\"status\" data-status=\"").append(html(job.status())).append("\">")
        .append(html(job.status())).append("</span></h1>\n");
    // Side by side where the screen allows: what fits a laptop's first screen shows the job at a glance.
    page.append("<div class=\"row\"><section>\n");
    jobTable(page, job, report);
    page.append("</section><section>\n");
    metrics(page, metrics);
    page.append("</section></div>\n");
    errors(page, report);
    sizes(page, report, context, job.numResults() == null ? 0 : job.numResults(), job.filterArn() != null);
    page.append("<div class=\"row\"><section>\n");
    overlap(page, report);
    page.append("</section><section>\n");
    topUsers(page, report);
    page.append("</section></div>\n");
    segments(page, report, context);
    return page.append("</body></html>\n").toString();
  }

  private static void jobTable(StringBuilder page, BatchSegmentJob job, SegmentReport report) {
    page.append("<h2>The job</h2>\n<table class=\"facts\">\n");
    row(page, "ARN", job.batchSegmentJobArn());
    row(page, "Solution version", job.solutionVersionArn());
    row(page, "Filter", job.filterArn() == null ? "none" : job.filterArn());
    row(page, "numResults", String.valueOf(job.numResults()));
    row(page, "Input", job.jobInput().s3DataSource().path());
    row(page, "Output", job.jobOutput().s3DataDestination().path());
    row(page, "Created", time(job.creationDateTime()));
    row(page, "Last updated", time(job.lastUpdatedDateTime()));
    if (job.creationDateTime() != null && job.lastUpdatedDateTime() != null) {
      row(page, "Took", String.format(Locale.ROOT, "%.1f s",
          job.lastUpdatedDateTime().subtract(job.creationDateTime()).doubleValue()));
    }
    if (job.failureReason() != null) {
      row(page, "Failure reason", job.failureReason());
    }
    page.append("</table>\n<p class=\"counters\"><span data-lines=\"").append(report.lines().size()).append("\">")
        .append(report.lines().size()).append(" lines</span>: <span data-served=\"").append(report.served().size())
        .append("\">").append(report.served().size()).append(" served</span>, <span data-errors=\"")
        .append(report.errorLines()).append("\">").append(report.errorLines()).append(" in error</span>.</p>\n");
  }

  private static void errors(StringBuilder page, SegmentReport report) {
    if (report.errors().isEmpty()) {
      return;
    }
    page.append("<h2>Errors, grouped</h2>\n<table class=\"errors\"><tr><th>Lines</th><th>Error</th></tr>\n");
    report.errors().forEach((message, count) -> page.append("<tr data-error-count=\"").append(count).append("\"><td>")
        .append(count).append("</td><td>").append(html(message)).append("</td></tr>\n"));
    page.append("</table>\n");
  }

  private static void metrics(StringBuilder page, Map<String, Double> metrics) {
    if (metrics.isEmpty()) {
      return;
    }
    page.append("<h2>The solution version's offline metrics</h2>\n<table class=\"metrics\">\n");
    metrics.forEach((name, value) -> page.append("<tr><th>").append(html(name)).append("</th><td data-metric=\"")
        .append(html(name)).append("\">").append(value).append("</td></tr>\n"));
    page.append("</table>\n");
  }

  private static void sizes(StringBuilder page, SegmentReport report, LineContext context, int numResults,
      boolean filtered) {
    page.append("<h2>Segment size, filter and scores per line</h2>\n<p>Users in each line's segment, of at most ")
        .append(numResults)
        .append(" (<code>numResults</code>); how many of the model's users the filter kept out of it; and the range "
            + "of the segment's scores (the model's affinity of each user to the line's items, as the job ranked "
            + "them).");
    if (context.scoresNote() != null) {
      page.append(" <span class=\"note\">No filter or score figures: ").append(html(context.scoresNote()))
          .append(".</span>");
    }
    page.append("</p>\n<div class=\"scroll\"><table class=\"sizes\"><tr><th>Line</th><th>Input</th><th>Users</th>"
            + "<th>0 to ")
        .append(numResults).append(" users</th><th>Filter left out</th><th>Scores</th></tr>\n");
    List<SegmentLine> served = report.served();
    for (int i = 0; i < served.size(); i++) {
      SegmentLine line = served.get(i);
      int size = line.users().size();
      int width = numResults == 0 ? 0 : (int) Math.round((double) BAR_WIDTH * size / numResults);
      page.append("<tr data-line=\"").append(html(line.place())).append("\" data-size=\"").append(size).append('"');
      LineScores scores = context.scores().isEmpty() ? null : context.scores().get(i);
      if (scores != null && scores.filterLeftOut() >= 0) {
        page.append(" data-left-out=\"").append(scores.filterLeftOut()).append("\" data-model-users=\"")
            .append(scores.modelUsers()).append('"');
      }
      if (scores != null && !Double.isNaN(scores.lowScore())) {
        page.append(" data-low-score=\"").append(scores.lowScore()).append("\" data-high-score=\"")
            .append(scores.highScore()).append('"');
      }
      page.append("><td><a href=\"#").append(html(anchor(line))).append("\">").append(html(line.place()))
          .append("</a></td><td><code>").append(html(line.input())).append("</code></td><td>").append(size)
          .append("</td><td><svg class=\"bar\" width=\"").append(BAR_WIDTH)
          .append("\" height=\"12\" role=\"img\" aria-label=\"").append(size).append(" users\"><rect width=\"")
          .append(width).append("\" height=\"12\"/></svg></td><td>").append(leftOut(scores, filtered))
          .append("</td><td>")
          .append(scoreRange(scores)).append("</td></tr>\n");
    }
    page.append("</table></div>\n");
  }

  private static String leftOut(LineScores scores, boolean filtered) {
    if (!filtered) {
      return "no filter";
    }
    if (scores == null || scores.filterLeftOut() < 0) {
      return "";
    }
    return String.format(Locale.ROOT, "%,d of %,d (%.1f %%)", scores.filterLeftOut(), scores.modelUsers(),
        100.0 * scores.filterLeftOut() / Math.max(1, scores.modelUsers()));
  }

  private static String scoreRange(LineScores scores) {
    if (scores == null) {
      return "";
    }
    if (Double.isNaN(scores.lowScore())) {
      return "<span class=\"note\">" + html(scores.note() == null ? "" : scores.note()) + "</span>";
    }
    return String.format(Locale.ROOT, "%.4f to %.4f", scores.lowScore(), scores.highScore());
  }

  /** Each served line's segment beside the user base, field by field, the most divergent first. */
  private static void segments(StringBuilder page, SegmentReport report, LineContext context) {
    page.append("<h2 id=\"segments\">Each segment beside the user base</h2>\n");
    UserBase users = context.users();
    if (users == null) {
      page.append("<p class=\"note\" data-no-users>No Users fields to compare: ").append(html(context.usersNote()))
          .append(".</p>\n");
      return;
    }
    page.append("<p>From ").append(html(context.usersNote())).append(String.format(Locale.ROOT, " (%,d users). ",
        users.rows())).append("For each Users field, the share of the segment's users in each value or range "
            + "(<span class=\"key s\"></span> segment) beside the share of all users (<span class=\"key b\"></span>"
            + " all users). Fields are ordered by <em>divergence</em>, the total variation distance between the two "
            + "spreads: half the sum, over the bars, of the difference between the two shares, each taken of its "
            + "bars' total; 0 when the segment is spread like all users, 1 when they share no value. Strings show "
            + "their ").append(UserBase.TOP_VALUES).append(" most held values; numbers up to ")
        .append(UserBase.NUMBER_BINS).append(" ranges of equal width, each holding its low end, and its high end "
            + "too for whole numbers and for the last range.</p>\n");
    List<SegmentLine> served = report.served();
    for (int i = 0; i < served.size(); i++) {
      SegmentLine line = served.get(i);
      page.append("<details class=\"segment\" id=\"").append(html(anchor(line))).append("\" data-segment-line=\"")
          .append(html(line.place())).append('"').append(i < OPEN_LINES ? " open" : "").append("><summary><b>")
          .append(html(line.place())).append("</b> <code>").append(html(line.input())).append("</code>: ")
          .append(line.users().size()).append(" users</summary>\n<div class=\"fields\">\n");
      for (FieldDistribution field : FieldDistribution.of(users, line.users())) {
        page.append("<figure data-field=\"").append(html(field.field().name())).append("\" data-divergence=\"")
            .append(String.format(Locale.ROOT, "%.4f", field.divergence())).append("\"><figcaption><b>")
            .append(html(field.field().name())).append("</b> (").append(field.field().type().avroName())
            .append(String.format(Locale.ROOT, "), divergence %.3f", field.divergence())).append("</figcaption>\n");
        DistributionChart.draw(page, field, users.rows());
        page.append("</figure>\n");
      }
      page.append("</div></details>\n");
    }
  }

  /** The id of a line's section: its place, which is unique in the job's output. */
  private static String anchor(SegmentLine line) {
    return "segment-" + line.place();
  }

  private static void overlap(StringBuilder page, SegmentReport report) {
    double[][] matrix = report.overlap();
    int n = matrix.length;
    if (n < 2) {
      return;
    }
    int margin = 40;
    int side = n * CELL;
    page.append("<h2>Overlap between segments</h2>\n<p>Jaccard similarity of the first ").append(n)
        .append(" served lines' segments: users in both over users in either (0: none shared, 1: the same users)."
            + "</p>\n<svg class=\"heatmap\" width=\"").append(side + margin + 90).append("\" height=\"")
        .append(side + margin + 10).append("\" role=\"img\" aria-label=\"segment overlap heat map\">\n")
        .append("<text x=\"").append(margin + side / 2).append("\" y=\"12\" text-anchor=\"middle\">segment (served "
            + "line, in output order)</text>\n<text transform=\"translate(12,").append(margin + side / 2)
        .append(") rotate(-90)\" text-anchor=\"middle\">segment (served line)</text>\n");
    List<SegmentLine> served = report.served();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        page.append("<rect x=\"").append(margin + j * CELL).append("\" y=\"").append(margin - 20 + i * CELL)
            .append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\" fill=\"")
            .append(shade(matrix[i][j])).append("\" data-a=\"").append(html(served.get(i).place()))
            .append("\" data-b=\"").append(html(served.get(j).place())).append("\" data-jaccard=\"")
            .append(String.format(Locale.ROOT, "%.4f", matrix[i][j])).append("\"><title>")
            .append(html(served.get(i).place() + " and " + served.get(j).place()))
            .append(String.format(Locale.ROOT, ": %.3f", matrix[i][j])).append("</title></rect>\n");
      }
    }
    int legendX = margin + side + 20;
    for (int step = 0; step <= 10; step++) {
      page.append("<rect x=\"").append(legendX).append("\" y=\"").append(margin - 20 + (10 - step) * 12)
          .append("\" width=\"16\" height=\"12\" fill=\"").append(shade(step / 10.0)).append("\"/>\n");
    }
    page.append("<text x=\"").append(legendX + 20).append("\" y=\"").append(margin - 10).append("\">1</text>\n")
        .append("<text x=\"").append(legendX + 20).append("\" y=\"").append(margin + 110).append("\">0</text>\n")
        .append("</svg>\n");
  }

  private static void topUsers(StringBuilder page, SegmentReport report) {
    page.append("<h2>Users in the most segments</h2>\n<table class=\"top-users\"><tr><th>User</th>"
        + "<th>Segments</th></tr>\n");
    for (Map.Entry<String, Integer> user : report.topUsers()) {
      page.append("<tr data-user=\"").append(html(user.getKey())).append("\" data-segments=\"")
          .append(user.getValue()).append("\"><td>").append(html(user.getKey())).append("</td><td>")
          .append(user.getValue()).append("</td></tr>\n");
    }
    page.append("</table>\n");
  }

  private static void row(StringBuilder page, String name, String value) {
    page.append("<tr><th>").append(html(name)).append("</th><td>").append(html(value)).append("</td></tr>\n");
  }

  /** White for 0, through blue, to dark blue for 1. */
  private static String shade(double value) {
    int v = (int) Math.round(Math.max(0, Math.min(1, value)) * 255);
    return String.format(Locale.ROOT, "rgb(%d,%d,%d)", 255 - v * 7 / 8, 255 - v * 3 / 4, 255 - v / 4);
  }

  private static String time(BigDecimal epochSeconds) {
    return epochSeconds == null ? "" : Instant.ofEpochMilli(epochSeconds.movePointRight(3).longValue()).toString();
  }

  static String html(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:16px;color:#222}"
      + "table{border-collapse:collapse;margin:8px 0}th,td{padding:2px 8px;text-align:left;vertical-align:top}"
      + "tr:nth-child(even){background:#f4f6f8}.bar rect{fill:#2b6cb0}code{font-size:12px}"
      + ".status{font-size:14px;padding:2px 6px;border-radius:4px;background:#e2e8f0}.note{color:#666}"
      + "svg text{font-size:11px;fill:#333}.dist .s,.key.s{fill:#2b6cb0;background:#2b6cb0}"
      + ".dist .b,.key.b{fill:#a0aec0;background:#a0aec0}.axis{stroke:#888}"
      + ".key{display:inline-block;width:12px;height:10px}.fields{display:flex;flex-wrap:wrap;gap:8px 24px}"
      + "figure{margin:4px 0}.row section p{max-width:640px}figcaption{margin-bottom:2px}details.segment{margin:6px 0}"
      + "summary{cursor:pointer}.row{display:flex;flex-wrap:wrap;gap:0 32px}"
      + ".scroll{max-height:380px;overflow:auto;display:inline-block;border:1px solid #e2e8f0}"
      + ".sizes th{position:sticky;top:0;background:#fff}";
}
