package io.segmentbeam.cli;

import io.segmentbeam.api.JobStatus;
import picocli.CommandLine;

/** What a create-job command prints once its job has run: the response on stdout, the outcome on stderr. */
final class JobReport {
  /** Exit code when the job was created but ended CREATE FAILED. */
  static final int JOB_FAILED = 1;

  private JobReport() {}

  /**
   * Prints the response, then {@code <job name>: <status>} and the failure reason or {@code details};
   * returns the command's exit code.
   */
  static int print(CommandLine command, Object response, String jobName, String status, String failureReason,
      String details) {
    command.getOut().println(CliJson.format(response));
    command.getOut().flush();
    if (!JobStatus.ACTIVE.equals(status)) {
      command.getErr().println(jobName + ": " + status + ": " + failureReason);
      return JOB_FAILED;
    }
    command.getErr().println(jobName + ": " + status + (details.isEmpty() ? "" : " " + details));
    return 0;
  }
}
