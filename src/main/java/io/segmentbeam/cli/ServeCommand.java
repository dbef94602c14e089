package io.segmentbeam.cli;

import io.segmentbeam.jobs.RunningJobs;
import io.segmentbeam.service.PersonalizeEndpoint;
import io.segmentbeam.service.Services;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", sortOptions = false,
    description = {"Serves the Personalize API (AWS JSON 1.1) and Personalize Events on one port, for boto3, the "
        + "AWS CLI and the AWS SDKs (--endpoint-url, AWS_ENDPOINT_URL), on the same store as the commands.",
        "Creates answer at once with the ARN; jobs run on a bounded pool of workers. GET /health answers once it "
            + "serves. Runs until stopped (Ctrl-C, kill): it then takes no more requests, lets running jobs finish "
            + "for --shutdown-grace-seconds and ends the rest CREATE FAILED.",
        "Options the command does not know (e.g. --runner=FlinkRunner) are passed to Beam for every job."})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every "
          + "interface).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8095",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one, printed at start).")
  int port;

  @Option(names = "--job-workers", paramLabel = "N", defaultValue = "2",
      description = "How many jobs run at once; more wait, pending (default: ${DEFAULT-VALUE}).")
  int jobWorkers;

  @Option(names = "--shutdown-grace-seconds", paramLabel = "SECONDS", defaultValue = "30",
      description = "When stopped (SIGTERM, Ctrl-C), how long running jobs may go on to finish before the rest are "
          + "ended CREATE FAILED, their output removed (default: ${DEFAULT-VALUE}).")
  int shutdownGraceSeconds;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    CommandLine command = spec.commandLine();
    // Options are checked once here, so that a mistyped one fails the start, not every job.
    service.pipelineOptions(command, pipelineArgs, true);
    Services services = service.services(command, pipelineArgs);
    RunningJobs.letRunningJobsFinishWithin(shutdownGraceSeconds * 1000L);
    CountDownLatch stopped = new CountDownLatch(1);
    try (PersonalizeEndpoint endpoint = PersonalizeEndpoint.start(host, port, services, jobWorkers)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "stop-endpoint"));
      command.getErr().println("SegmentBeam serves Personalize on http://" + host + ":" + endpoint.port()
          + " (store " + service.home + ")");
      command.getErr().flush();
      stopped.await();
    }
    return 0;
  }
}
