package io.segmentbeam.service;

import com.sun.net.httpserver.HttpExchange;
import io.segmentbeam.api.PersonalizeException;
import io.segmentbeam.api.SecretMasking;
import io.segmentbeam.jobs.BatchSegmentJobService;
import io.segmentbeam.report.JobReports;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The job reports for a browser: {@code GET /reports/batch-segment-jobs/} lists the jobs, and
 * {@code GET /reports/batch-segment-jobs/<name>} is a job's report, the page {@code report} writes.
 * Only unsigned GETs are pages: a signed request to these paths is S3's, for a bucket named
 * {@code reports}.
 */
final class ReportPages {
  static final String PREFIX = "/reports/batch-segment-jobs";

  private final BatchSegmentJobService jobs;
  private final JobReports reports;

  ReportPages(Services services) {
    this.jobs = services.batchSegmentJobs();
    this.reports = new JobReports(jobs, services.solutions(), services.datasets());
  }

  /** Whether a browser asks for a report page: an unsigned GET under {@link #PREFIX}. */
  static boolean asks(HttpExchange exchange, String path) {
    String query = exchange.getRequestURI().getRawQuery();
    return exchange.getRequestMethod().equals("GET")
        && (path.equals(PREFIX) || path.startsWith(PREFIX + "/"))
        && !exchange.getRequestHeaders().containsKey("Authorization")
        && (query == null || !query.contains("X-Amz-Signature"));
  }

  void serve(HttpExchange exchange, String path) throws IOException {
    String name = path.length() <= PREFIX.length() + 1 ? "" : path.substring(PREFIX.length() + 1);
    if (name.isEmpty()) {
      send(exchange, 200, reports.index(PREFIX + "/"));
      return;
    }
    try {
      send(exchange, 200, reports.page(jobs.arnOf(name)));
    } catch (PersonalizeException e) {
      send(exchange, 404, JobReports.message("No report", e.getMessage(), PREFIX + "/"));
    } catch (IllegalArgumentException e) {
      send(exchange, 409, JobReports.message("No report yet", e.getMessage(), PREFIX + "/"));
    } catch (IOException | RuntimeException e) {
      // One line saying what failed, as the endpoint's other operations answer, never a stack trace.
      send(exchange, 500, JobReports.message("No report", SecretMasking.mask("SegmentBeam could not read the "
          + "job's output: " + e.getMessage()), PREFIX + "/"));
    }
  }

  private static void send(HttpExchange exchange, int status, String page) throws IOException {
    byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
