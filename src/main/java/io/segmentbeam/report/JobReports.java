package io.segmentbeam.report;

import io.segmentbeam.api.BatchSegmentJob;
import io.segmentbeam.api.BatchSegmentJobSummary;
import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.ListBatchSegmentJobsRequest;
import io.segmentbeam.api.ListBatchSegmentJobsResponse;
import io.segmentbeam.jobs.BatchSegmentJobService;
import java.io.IOException;

/** The reports of a store's batch segment jobs: one job's page, and an index of every job linking to theirs. */
public final class JobReports {
  private final BatchSegmentJobService jobs;

  public JobReports(BatchSegmentJobService jobs) {
    this.jobs = jobs;
  }

  /** The report of an ACTIVE job; else IllegalArgumentException saying why there is none. */
  public String page(String jobArn) throws IOException {
    BatchSegmentJob job = jobs.describe(new DescribeBatchSegmentJobRequest(jobArn));
    if (!job.status().equals(JobStatus.ACTIVE)) {
      throw new IllegalArgumentException("batch segment job " + jobArn + " is " + job.status()
          + ": only an ACTIVE job's output can be reported on");
    }
    SegmentReport report = SegmentReport.of(SegmentLine.read(jobs.publishedFiles(job, "to report on it")));
    return ReportPage.render(job,
        jobs.checkSolutionVersion(job.solutionVersionArn(), "the job's solutionVersionArn").metrics(), report);
  }

  /** Every job, newest first as ListBatchSegmentJobs lists them, each ACTIVE one linked to {@code link + name}. */
  public String index(String link) {
    StringBuilder rows = new StringBuilder();
    String token = null;
    do {
      ListBatchSegmentJobsResponse page = jobs.list(new ListBatchSegmentJobsRequest(100, token, null));
      for (BatchSegmentJobSummary job : page.batchSegmentJobs()) {
        String name = ReportPage.html(job.jobName());
        rows.append("<tr><td>").append(job.status().equals(JobStatus.ACTIVE)
                ? "<a href=\"" + ReportPage.html(link + job.jobName()) + "\">" + name + "</a>" : name)
            .append("</td><td>").append(ReportPage.html(job.status())).append("</td><td>")
            .append(ReportPage.html(job.solutionVersionArn())).append("</td></tr>\n");
      }
      token = page.nextToken();
    } while (token != null);
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Batch segment jobs</title>"
        + "</head>\n<body style=\"font:14px/1.4 system-ui,sans-serif;margin:24px\">\n<h1>Batch segment jobs</h1>\n"
        + "<table><tr><th>Job</th><th>Status</th><th>Solution version</th></tr>\n" + rows + "</table>\n"
        + "</body></html>\n";
  }

  /** A page that says why there is no report, linking to the index at {@code index}. */
  public static String message(String title, String text, String index) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + ReportPage.html(title)
        + "</title></head><body><h1>" + ReportPage.html(title) + "</h1><p>" + ReportPage.html(text) + "</p><p><a href=\""
        + ReportPage.html(index) + "\">All batch segment jobs</a></p></body></html>\n";
  }
}
