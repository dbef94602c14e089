package io.segmentbeam.report;

import io.segmentbeam.api.BatchSegmentJob;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A job's report as one self-contained HTML page: no scripts, fonts or requests, so it opens from
 * a file, a mail or the endpoint alike. The charts are inline SVG drawn here (bars and a heat map
 * need nothing more); every figure a test or a reader may check carries its value in a
 * {@code data-} attribute, and every text from the job is escaped.
 */
public final class ReportPage {
  private static final int CELL = 10;
  private static final int BAR_WIDTH = 240;

  private ReportPage() {}

  public static String render(BatchSegmentJob job, Map<String, Double> metrics, SegmentReport report) {
    StringBuilder page = new StringBuilder(64 * 1024);
    page.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
        .append(html("Batch segment job " + job.jobName())).append("</title>\n<style>").append(STYLE)
        .append("</style></head>\n<body>\n<h1>Batch segment job <code>").append(html(job.jobName()))
        .append("</code> <span class=\"status\" data-status=\"").append(html(job.status())).append("\">")
        .append(html(job.status())).append("</span></h1>\n");
    jobTable(page, job, report);
    errors(page, report);
    metrics(page, metrics);
    sizes(page, report, job.numResults() == null ? 0 : job.numResults());
    overlap(page, report);
    topUsers(page, report);
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

  private static void sizes(StringBuilder page, SegmentReport report, int numResults) {
    page.append("<h2>Segment size per line</h2>\n<p>Users in each line's segment, of at most ").append(numResults)
        .append(" (<code>numResults</code>).</p>\n<table class=\"sizes\"><tr><th>Line</th><th>Input</th>"
            + "<th>Users</th><th>0 to ").append(numResults).append(" users</th></tr>\n");
    for (SegmentLine line : report.served()) {
      int size = line.users().size();
      int width = numResults == 0 ? 0 : (int) Math.round((double) BAR_WIDTH * size / numResults);
      page.append("<tr data-line=\"").append(html(line.place())).append("\" data-size=\"").append(size)
          .append("\"><td>").append(html(line.place())).append("</td><td><code>").append(html(line.input()))
          .append("</code></td><td>").append(size).append("</td><td><svg class=\"bar\" width=\"").append(BAR_WIDTH)
          .append("\" height=\"12\" role=\"img\" aria-label=\"").append(size).append(" users\"><rect width=\"")
          .append(width).append("\" height=\"12\"/></svg></td></tr>\n");
    }
    page.append("</table>\n");
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

  private static final String STYLE = "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222}"
      + "table{border-collapse:collapse;margin:8px 0}th,td{padding:2px 8px;text-align:left;vertical-align:top}"
      + "tr:nth-child(even){background:#f4f6f8}.bar rect{fill:#2b6cb0}code{font-size:12px}"
      + ".status{font-size:14px;padding:2px 6px;border-radius:4px;background:#e2e8f0}";
}
