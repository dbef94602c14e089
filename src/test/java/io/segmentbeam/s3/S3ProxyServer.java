package io.segmentbeam.s3;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3 API server for the integration tests: S3Proxy with its in-memory (transient) backend,
 * run from the jar Maven fetched ({@code -Ds3proxy.jar}) as its own JVM on a free loopback port.
 * It checks AWS signatures against the identity and credential below.
 */
public final class S3ProxyServer implements AutoCloseable {
  public static final String ACCESS_KEY = "segmentbeam-it-access";
  /** The secret the tests make sure never leaks into metadata, output or logs. */
  public static final String SECRET_KEY = "segmentbeam-it-SECRET-d41d8cd98f00b204";
  /** The KMS key the tests' jobs write under; S3Proxy records it on each object without checking it. */
  public static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

  private final Process process;
  private final int port;
  private final Path log;

  private S3ProxyServer(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  public static S3ProxyServer start(Path folder) throws IOException, InterruptedException {
    String jar = System.getProperty("s3proxy.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("S3Proxy jar not found at -Ds3proxy.jar=" + jar + "; run the tests with "
          + "mvn verify, which fetches it");
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path properties = folder.resolve("s3proxy.properties");
    Files.write(properties, List.of(
        "s3proxy.endpoint=http://127.0.0.1:" + port,
        "s3proxy.authorization=aws-v2-or-v4",
        "s3proxy.identity=" + ACCESS_KEY,
        "s3proxy.credential=" + SECRET_KEY,
        "jclouds.provider=transient",
        "jclouds.identity=unused",
        "jclouds.credential=unused"));
    Path log = folder.resolve("s3proxy.log");
    Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-jar", jar, "--properties", properties.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    S3ProxyServer server = new S3ProxyServer(process, port, log);
    server.awaitListening(Duration.ofSeconds(60));
    return server;
  }

  /**
   * A started server with a bucket holding the sample input under {@code input/}, and the
   * credentials where the AWS SDK's default chain finds them (the aws.accessKeyId and
   * aws.secretAccessKey system properties) until {@link #close}.
   */
  public static S3ProxyServer withSampleInput(Path folder, String bucket) throws IOException, InterruptedException {
    S3ProxyServer server = start(folder);
    System.setProperty("aws.accessKeyId", ACCESS_KEY);
    System.setProperty("aws.secretAccessKey", SECRET_KEY);
    S3Client s3 = server.client();
    s3.createBucket(request -> request.bucket(bucket));
    for (String name : List.of("items-1.json", "items-2.json")) {
      s3.putObject(request -> request.bucket(bucket).key("input/" + name),
          RequestBody.fromFile(Path.of("sample-data", "input", name)));
    }
    return server;
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** A client of the tests' own, to set up buckets and inspect what a job wrote. */
  public S3Client client() {
    return client(endpoint());
  }

  public static S3Client client(URI endpoint) {
    return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  public String log() throws IOException {
    return Files.readString(log);
  }

  private void awaitListening(Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("S3Proxy exited at start:\n" + log());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("S3Proxy did not listen on port " + port + " within " + timeout + ":\n" + log());
  }

  @Override
  public void close() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    process.destroy();
  }
}
