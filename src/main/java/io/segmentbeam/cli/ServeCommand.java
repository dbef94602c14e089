package io.segmentbeam.cli;

import io.segmentbeam.jobs.RunningJobs;
import io.segmentbeam.service.AccessKeys;
import io.segmentbeam.service.PersonalizeEndpoint;
import io.segmentbeam.service.ServedS3;
import io.segmentbeam.service.Services;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", sortOptions = false,
    description = {"Serves the Personalize API (AWS JSON 1.1), Personalize Events and S3 on one port, for boto3, "
        + "the AWS CLI and the AWS SDKs (--endpoint-url, AWS_ENDPOINT_URL), on the same store as the commands.",
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

  @Option(names = "--serve-s3", paramLabel = "BOOLEAN", arity = "1", defaultValue = "true",
      description = "Serve S3 on the same port too (S3Proxy, objects under <home>/s3/buckets/); this service's jobs "
          + "then use it unless --endpoint-url names another S3 (default: ${DEFAULT-VALUE}).")
  boolean serveS3;

  @Option(names = "--s3proxy-jar", paramLabel = "JAR",
      defaultValue = "${env:SEGMENTBEAM_S3PROXY_JAR:-}",
      description = "S3Proxy's runnable jar, for --serve-s3 (default: $SEGMENTBEAM_S3PROXY_JAR, else s3proxy.jar "
          + "beside segmentbeam.jar, where mvn package puts it).")
  String s3proxyJar;

  @Option(names = "--credentials-file", paramLabel = "FILE",
      description = "Check every request's SigV4 signature with the access keys in FILE (the AWS shared credentials "
          + "format: aws_access_key_id and aws_secret_access_key per profile) and refuse others as AWS does "
          + "(default: any signature is accepted).")
  Path credentialsFile;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    CommandLine command = spec.commandLine();
    // Options are checked once here, so that a mistyped one fails the start, not every job.
    service.pipelineOptions(command, pipelineArgs, true);
    Map<String, String> keys = credentialsFile == null ? Map.of() : AccessKeys.read(credentialsFile);
    ServedS3 s3 = serveS3 ? startS3() : null;
    Services services = service.services(command, pipelineArgs);
    RunningJobs.letRunningJobsFinishWithin(shutdownGraceSeconds * 1000L);
    CountDownLatch stopped = new CountDownLatch(1);
    try (PersonalizeEndpoint endpoint = PersonalizeEndpoint.start(host, port, services, jobWorkers, s3,
        keys)) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "stop-endpoint"));
      command.getErr().println("SegmentBeam serves Personalize" + (s3 == null ? "" : " and S3") + " on http://"
          + host + ":" + endpoint.port() + " (store " + service.home + (keys.isEmpty() ? "; any signature accepted"
          : "; signatures checked for " + keys.size() + " access key" + (keys.size() == 1 ? "" : "s")) + ")");
      command.getErr().flush();
      stopped.await();
    }
    return 0;
  }

  /**
   * Starts the S3 server, stopped once the jobs have ended when the process is; this service's
   * jobs use it, unless --endpoint-url names an S3 other than this endpoint.
   */
  private ServedS3 startS3() throws IOException {
    if (service.home.startsWith("s3://")) {
      throw new IllegalArgumentException("--serve-s3 keeps its objects under --home, which must then be a folder, "
          + "not " + service.home + "; give --serve-s3=false to serve without S3");
    }
    Path jar = s3proxyJar.isBlank() ? besideThisJar("s3proxy.jar") : Path.of(s3proxyJar);
    ServedS3 s3 = ServedS3.start(jar, Path.of(service.home, "s3"));
    RunningJobs.afterJobsEnd(s3::close);
    URI named = service.endpointUrl();
    if (named == null || named.getPort() == port) {
      service.useServedS3(s3.uriForJobs());
    }
    return s3;
  }

  /** A file beside segmentbeam.jar (or, run from target/classes, in target/). */
  private static Path besideThisJar(String name) {
    try {
      return Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
          .resolve(name);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot tell where segmentbeam.jar is", e);
    }
  }
}
