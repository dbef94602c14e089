package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint's report pages: an index of the jobs linking to each ACTIVE one's report, which is
 * the page {@code report} writes, byte for byte; a job that is not there gets a 404 page, and a
 * signed request to the same path is not a page.
 */
class ReportPagesTest {
  @TempDir Path work;

  @Test
  void theEndpointServesTheReportThatReportWrites() throws Exception {
    Path home = work.resolve("home");
    CliRun job = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-filtered-segment-job.json", "--job-name", "served",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve("output") + "/\"}}");
    assertThat(job.err(), job.exitCode(), equalTo(0));
    Path written = work.resolve("served.html");
    CliRun report = CliRun.run(home, "report", "--batch-segment-job-arn",
        "arn:aws:personalize:us-east-1:123456789012:batch-segment-job/served", "--report-file", written.toString());
    assertThat(report.err(), report.exitCode(), equalTo(0));
    try (ServedEndpoint endpoint = ServedEndpoint.start(work, "--region", "us-east-1",
        "--account-id", "123456789012")) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> index = get(http, endpoint.url() + "/reports/batch-segment-jobs/");
      assertThat(index.statusCode(), equalTo(200));
      assertThat(index.headers().firstValue("Content-Type").orElse(""), equalTo("text/html; charset=utf-8"));
      assertThat(index.body(), containsString("<a href=\"/reports/batch-segment-jobs/served\">served</a>"));

      HttpResponse<String> page = get(http, endpoint.url() + "/reports/batch-segment-jobs/served");
      assertThat(page.statusCode(), equalTo(200));
      assertThat(page.body(), equalTo(Files.readString(written)));

      HttpResponse<String> missing = get(http, endpoint.url() + "/reports/batch-segment-jobs/nobody");
      assertThat(missing.statusCode(), equalTo(404));
      assertThat(missing.body(), containsString("batch-segment-job/nobody"));

      HttpResponse<String> signed = http.send(HttpRequest.newBuilder(
              URI.create(endpoint.url() + "/reports/batch-segment-jobs/served"))
          .header("Authorization", "AWS4-HMAC-SHA256 Credential=x/20261203/us-east-1/s3/aws4_request").GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(signed.body(), not(containsString("<html")));
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
