package io.segmentbeam.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The S3 that {@code serve} offers on its own port: S3Proxy, the S3 API server, run as a process
 * of its own from its jar, with its filesystem backend in {@code <folder>/buckets/}, listening on a
 * free loopback port that only the endpoint forwards to. It checks no signatures (the endpoint
 * does) and keeps object metadata in extended file attributes. A process left behind by a
 * {@code serve} that was killed is stopped by the next one, found by its recorded pid.
 */
final class S3Backend implements AutoCloseable {
  private final Process process;
  private final URI uri;

  private S3Backend(Process process, URI uri) {
    this.process = process;
    this.uri = uri;
  }

  /** Starts S3Proxy from {@code jar} with its objects under {@code folder}, and waits until it listens. */
  static S3Backend start(Path jar, Path folder) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalArgumentException("serve needs S3Proxy's jar to serve S3, and it is not at " + jar + ": build "
          + "with mvn package (which puts s3proxy.jar beside segmentbeam.jar), name it with --s3proxy-jar, or "
          + "serve without S3 (--serve-s3=false)");
    }
    Path own = Files.createDirectories(folder.resolve(".s3proxy"));
    Path buckets = Files.createDirectories(folder.resolve("buckets"));
    Path pidFile = own.resolve("pid");
    Path properties = own.resolve("s3proxy.properties");
    stopLeftOver(pidFile, properties);
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + port);
    Files.write(properties, List.of(
        "s3proxy.endpoint=" + uri,
        "s3proxy.authorization=none",
        "jclouds.provider=filesystem-nio2",
        "jclouds.filesystem.basedir=" + buckets.toAbsolutePath(),
        "jclouds.identity=local",
        "jclouds.credential=local"));
    Path log = own.resolve("s3proxy.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-jar", jar.toAbsolutePath().toString(), "--properties", properties.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Files.writeString(pidFile, Long.toString(process.pid()));
    S3Backend backend = new S3Backend(process, uri);
    backend.awaitListening(port, log);
    return backend;
  }

  /** Where S3 requests are forwarded to. */
  URI uri() {
    return uri;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitListening(int port, Path log) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("S3Proxy ended at start; its log " + log + " says: " + tail(log));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    close();
    throw new IOException("S3Proxy did not listen within 60 s; its log " + log + " says: " + tail(log));
  }

  /** Stops the S3Proxy a killed serve left running on the same folder, if it is still that process. */
  private static void stopLeftOver(Path pidFile, Path properties) throws IOException {
    if (!Files.exists(pidFile)) {
      return;
    }
    Optional<ProcessHandle> leftOver;
    try {
      leftOver = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
    } catch (NumberFormatException e) {
      leftOver = Optional.empty();
    }
    leftOver.filter(ProcessHandle::isAlive)
        .filter(handle -> handle.info().commandLine().map(line -> line.contains(properties.toString())).orElse(false))
        .ifPresent(handle -> {
          handle.destroy();
          handle.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(timeout -> {
            handle.destroyForcibly();
            return handle;
          }).join();
        });
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
