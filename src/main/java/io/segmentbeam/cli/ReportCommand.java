package io.segmentbeam.cli;

import io.segmentbeam.api.BatchSegmentJob;
import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.jobs.BatchSegmentJobService;
import io.segmentbeam.report.ReportPage;
import io.segmentbeam.report.SegmentLine;
import io.segmentbeam.report.SegmentReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report", sortOptions = false,
    description = {"Writes one self-contained HTML page about an ACTIVE batch segment job's segments, read from "
        + "exactly the files it published: the job, its errors grouped, each line's segment size, the overlap "
        + "between segments, the users in the most segments, and the solution version's offline metrics.",
        "Open it in any browser; it loads nothing from the network."})
final class ReportCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--batch-segment-job-arn", paramLabel = "ARN", required = true,
      description = "The job to report on.")
  String jobArn;

  @Option(names = "--report-file", paramLabel = "FILE",
      description = "Where to write the page (default: <job name>.html in the current folder).")
  Path output;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() throws Exception {
    BatchSegmentJobService jobs = service.batchSegmentJobs();
    BatchSegmentJob job = jobs.describe(new DescribeBatchSegmentJobRequest(jobArn));
    if (!job.status().equals(JobStatus.ACTIVE)) {
      throw new IllegalArgumentException("batch segment job " + jobArn + " is " + job.status()
          + ": only an ACTIVE job's output can be reported on");
    }
    SegmentReport report = SegmentReport.of(SegmentLine.read(jobs.publishedFiles(job, "to report on it")));
    String page = ReportPage.render(job, service.solutionVersionLookup()
        .require(job.solutionVersionArn(), "the job's solutionVersionArn", service.scope()).metrics(), report);
    Path file = output != null ? output : Path.of(job.jobName() + ".html");
    Files.writeString(file, page, StandardCharsets.UTF_8);
    spec.commandLine().getOut().println(file.toAbsolutePath());
    return 0;
  }
}
