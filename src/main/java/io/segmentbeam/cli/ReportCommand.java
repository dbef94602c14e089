package io.segmentbeam.cli;

import io.segmentbeam.report.JobReports;
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
        + "exactly the files it published: the job, its errors grouped and its solution version's offline metrics; "
        + "each line's segment size, how many users the filter left out and the range of its scores; the overlap "
        + "between segments and the users in the most segments; and each segment's Users fields beside the whole "
        + "user base's, the most divergent first.",
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
    String page = new JobReports(service.batchSegmentJobs(), service.solutions(), service.datasets()).page(jobArn);
    // The ARN names the job: page() has found it by it.
    Path file = output != null ? output : Path.of(jobArn.substring(jobArn.lastIndexOf('/') + 1) + ".html");
    Files.writeString(file, page, StandardCharsets.UTF_8);
    spec.commandLine().getOut().println(file.toAbsolutePath());
    return 0;
  }
}
