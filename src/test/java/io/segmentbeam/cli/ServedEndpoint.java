package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code serve} in a process of its own on a free port, with its store under a test folder. */
final class ServedEndpoint implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serves Personalize(?: and S3)? on (http://[0-9.]+:[0-9]+)");
  private final Process process;
  private final String url;

  private ServedEndpoint(Process process, String url) {
    this.process = process;
    this.url = url;
  }

  static ServedEndpoint start(Path work, String... options) throws IOException, InterruptedException {
    return start(work, Map.of(), options);
  }

  /** Started with {@code environment} added to this process's, e.g. the credentials of an S3 server. */
  static ServedEndpoint start(Path work, Map<String, String> environment, String... options)
      throws IOException, InterruptedException {
    Path log = work.resolve("serve.log");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        SegmentBeamCli.class.getName(), "serve", "--port", "0", "--home", work.resolve("home").toString()));
    command.addAll(List.of(options));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String url = null;
    while (url == null && process.isAlive() && System.nanoTime() < deadline) {
      Matcher serving = SERVING.matcher(Files.readString(log));
      url = serving.find() ? serving.group(1) : null;
      Thread.sleep(50);
    }
    assertThat(Files.readString(log), url == null, equalTo(false));
    return new ServedEndpoint(process, url);
  }

  String url() {
    return url;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor(60, TimeUnit.SECONDS);
  }
}
