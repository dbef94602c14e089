package io.segmentbeam.cli;

import io.segmentbeam.api.JobStatus;
import picocli.CommandLine;

/**
 * What a create-job command prints: the response on stdout as soon as the job is recorded (so a
 * user who stops it knows its ARN), the outcome on stderr once it has run.
 */
final class JobReport {
  /** Exit code when the job was created but ended CREATE FAILED. */
  static final int JOB_FAILED = 1;

  private JobReport() {}

  /** Prints the create operation's response. */
  static void recorded(CommandLine command, Object response) {
    command.getOut().println(CliJson.format(response));
    command.getOut().flush();
  }

  /**
   * Prints {@code <job name>: <status>} and the failure reason or {@code details}; returns the
   * command's exit code.
   */
  static int ended(CommandLine command, String jobName, String status, String failureReason, String details) {
    if (!JobStatus.ACTIVE.equals(status)) {
      command.getErr().println(jobName + ": " + status + ": " + failureReason);
      return JOB_FAILED;
    }
    command.getErr().println(jobName + ": " + status + (details.isEmpty() ? "" : " " + details));
    return 0;
  }
}
