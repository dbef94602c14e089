package io.segmentbeam.report;

import io.segmentbeam.api.BatchSegmentJob;
import io.segmentbeam.api.BatchSegmentJobSummary;
import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.ListBatchSegmentJobsRequest;
import io.segmentbeam.api.ListBatchSegmentJobsResponse;
import io.segmentbeam.api.DescribeSolutionRequest;
import io.segmentbeam.api.DescribeSolutionVersionRequest;
import io.segmentbeam.api.PersonalizeException;
import io.segmentbeam.api.SecretMasking;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.jobs.BatchSegmentJobService;
import io.segmentbeam.jobs.DatasetService;
import io.segmentbeam.jobs.SolutionService;
import io.segmentbeam.registry.DatasetGroup;
import io.segmentbeam.registry.SolutionVersion;
import java.io.IOException;
import java.util.List;

/** The reports of a store's batch segment jobs: one job's page, and an index of every job linking to theirs. */
public final class JobReports {
  private final BatchSegmentJobService jobs;
  private final SolutionService solutions;
  private final DatasetService datasets;

  /** {@code solutions} and {@code datasets} find the Users dataset of a job without a filter. */
  public JobReports(BatchSegmentJobService jobs, SolutionService solutions, DatasetService datasets) {
    this.jobs = jobs;
    this.solutions = solutions;
    this.datasets = datasets;
  }

  /** The report of an ACTIVE job; else IllegalArgumentException saying why there is none. */
  public String page(String jobArn) throws IOException {
    BatchSegmentJob job = jobs.describe(new DescribeBatchSegmentJobRequest(jobArn));
    SegmentReport report = SegmentReport.of(SegmentLine.read(jobs.publishedFiles(job, "to report on it")));
    SolutionVersion version = jobs.checkSolutionVersion(job.solutionVersionArn(), "the job's solutionVersionArn");
    return ReportPage.render(job, version.metrics(), report, context(job, version, report));
  }

  /**
   * The user base and the lines' scores. Either may be missing, and the page then says why (in
   * words that never show a secret, as the endpoint's errors): a report of what the output holds
   * is still worth having when a model or dataset is gone.
   */
  private LineContext context(BatchSegmentJob job, SolutionVersion version, SegmentReport report) {
    FilterSpec filter;
    try {
      filter = jobs.filterFor(job.filterArn(), version);
    } catch (RuntimeException e) {
      String why = "the job's filter cannot be applied now: " + SecretMasking.mask(e.getMessage());
      return new LineContext(null, why, List.of(), why);
    }
    boolean filterHasUsers = filter != null && filter.users() != null;
    DatasetFiles usersDataset = filterHasUsers ? filter.users() : usersOf(version);
    UserBase users = null;
    String usersNote;
    if (usersDataset == null) {
      usersNote = "no Users dataset is known for this job: it has no filter on a dataset group with one, and its "
          + "solution version was not trained in one";
    } else {
      try {
        users = UserBase.read(usersDataset, report.segmentUsers());
        usersNote = filterHasUsers ? "the Users dataset of the filter's dataset group"
            : "the Users dataset of the dataset group the solution version was trained in";
      } catch (IOException | RuntimeException e) {
        usersNote = "the Users dataset at " + usersDataset.dataLocation() + " cannot be read: "
            + SecretMasking.mask(e.getMessage());
      }
    }
    try {
      return new LineContext(users, usersNote, LineScores.of(report.served(), version, filter, job.numResults()),
          null);
    } catch (RuntimeException e) {
      return new LineContext(users, usersNote, List.of(), "the lines cannot be scored again: "
          + SecretMasking.mask(e.getMessage()));
    }
  }

  /** The Users dataset of the dataset group the solution version was trained in, if it was trained here. */
  private DatasetFiles usersOf(SolutionVersion version) {
    try {
      String solutionArn = solutions.describeSolutionVersion(
          new DescribeSolutionVersionRequest(version.solutionVersionArn())).solutionArn();
      String group = solutions.describeSolution(new DescribeSolutionRequest(solutionArn)).datasetGroupArn();
      return datasets.find(group).map(DatasetGroup::users).orElse(null);
    } catch (PersonalizeException declaredNotTrained) {
      return null;
    }
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
        + "</title></head><body><h1>" + ReportPage.html(title) + "</h1><p>" + ReportPage.html(text)
        + "</p><p><a href=\""
        + ReportPage.html(index) + "\">All batch segment jobs</a></p></body></html>\n";
  }
}
