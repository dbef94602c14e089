package io.segmentbeam.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The S3 that {@code serve} offers: the {@link S3Backend} process, reached through
 * {@link S3Forwarding} (which keeps SSE-KMS) from the endpoint's port for clients, and from a
 * loopback port of its own for this service's jobs, whose requests need no signature check.
 */
public final class ServedS3 implements AutoCloseable {
  private final S3Backend backend;
  private final S3Forwarding forwarding;
  private final HttpServer forJobs;
  private final ExecutorService threads;

  private ServedS3(S3Backend backend, HttpServer forJobs, ExecutorService threads) {
    this.backend = backend;
    this.forwarding = new S3Forwarding(backend.uri());
    this.forJobs = forJobs;
    this.threads = threads;
  }

  /** Starts S3Proxy from {@code jar} with its objects under {@code folder}, and the jobs' port. */
  public static ServedS3 start(Path jar, Path folder) throws IOException {
    S3Backend backend = S3Backend.start(jar, folder);
    ExecutorService threads = Executors.newCachedThreadPool();
    HttpServer forJobs = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    ServedS3 served = new ServedS3(backend, forJobs, threads);
    forJobs.setExecutor(threads);
    forJobs.createContext("/", exchange -> {
      try (exchange) {
        served.forwarding.forward(exchange);
      }
    });
    forJobs.start();
    return served;
  }

  /** Where this service's own jobs reach S3. */
  public URI uriForJobs() {
    return URI.create("http://127.0.0.1:" + forJobs.getAddress().getPort());
  }

  S3Forwarding forwarding() {
    return forwarding;
  }

  @Override
  public void close() {
    forJobs.stop(0);
    threads.shutdownNow();
    backend.close();
  }
}
