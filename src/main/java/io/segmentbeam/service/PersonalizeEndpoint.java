package io.segmentbeam.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.InternalFailureException;
import io.segmentbeam.api.PersonalizeException;
import io.segmentbeam.api.SecretMasking;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local Personalize endpoint. Amazon Personalize's own wire protocol, AWS JSON 1.1: {@code POST /}
 * with {@code X-Amz-Target: AmazonPersonalize.<Operation>}, the request shape as the body, the
 * response shape back; errors as HTTP 400 (500 for SegmentBeam's own failures) with
 * {@code {"__type", "message"}} and the {@code x-amzn-ErrorType} header. Personalize Events'
 * operations on their REST-JSON paths ({@code POST /events}, {@code /users}, {@code /items}).
 * {@code GET /health} answers {@code {"status": "ok"}} once the endpoint serves; unsigned GETs under
 * {@code /reports/batch-segment-jobs/} are the jobs' reports, for a browser ({@link ReportPages}). With an S3 backend,
 * every other request (S3's, signed for service {@code s3}) is forwarded to it, so that one
 * endpoint URL serves a whole Personalize pipeline.
 */
public final class PersonalizeEndpoint implements AutoCloseable {
  static final String TARGET_PREFIX = "AmazonPersonalize.";
  private static final String JSON_1_1 = "application/x-amz-json-1.1";
  /** Enough request threads that 16 concurrent clients (the benchmark's) never wait for one. */
  private static final int REQUEST_THREADS = 16;

  private final HttpServer server;
  private final ExecutorService requestThreads;
  private final JobStarter jobs;
  private final Map<String, Operation> personalize;
  private final Map<String, Operation> events;
  /** Where S3 requests go, or null when S3 is not served here. */
  private final S3Forwarding s3;
  /** The secrets signatures are checked with, by access key id; none: any signature is accepted. */
  private final Map<String, String> keys;
  private final ReportPages reports;

  private PersonalizeEndpoint(HttpServer server, Services services, int jobWorkers, S3Forwarding s3,
      Map<String, String> keys) {
    this.server = server;
    this.s3 = s3;
    this.keys = Map.copyOf(keys);
    this.jobs = new JobStarter(jobWorkers);
    this.personalize = PersonalizeOperations.personalize(services, jobs);
    this.events = PersonalizeOperations.events(services);
    this.reports = new ReportPages(services);
    this.requestThreads = Executors.newFixedThreadPool(REQUEST_THREADS);
    server.setExecutor(requestThreads);
    server.createContext("/", this::handle);
  }

  /**
   * Starts serving on {@code host:port} (port 0 picks a free one); jobs run on {@code jobWorkers}
   * workers; S3 requests go to {@code s3}, or are not served when it is null. With {@code keys}
   * (access key id to secret), every request's signature is checked; without, any is accepted.
   */
  public static PersonalizeEndpoint start(String host, int port, Services services, int jobWorkers, ServedS3 s3,
      Map<String, String> keys) throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes wait on the client's
    // delayed ACK: every call took 40 ms more (measured with bench-endpoint). Read once, when the
    // server's configuration loads.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    PersonalizeEndpoint endpoint =
        new PersonalizeEndpoint(HttpServer.create(new InetSocketAddress(host, port), 64), services, jobWorkers,
            s3 == null ? null : s3.forwarding(), keys);
    endpoint.server.start();
    return endpoint;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.equals("/health")) {
        reply(exchange, 200, JsonNodeFactory.instance.objectNode().put("status", "ok"), null);
        return;
      }
      if (ReportPages.asks(exchange, path)) {
        reports.serve(exchange, path);
        return;
      }
      boolean forS3 = s3 != null && isS3(exchange, path);
      // S3's requests declare their payload hash; the others are read here to hash them.
      byte[] body = forS3 ? null : exchange.getRequestBody().readAllBytes();
      Optional<SigV4.Refusal> refused = keys.isEmpty() ? Optional.empty() : SigV4.check(exchange.getRequestMethod(),
          exchange.getRequestURI(), exchange.getRequestHeaders(), body, keys);
      if (refused.isPresent()) {
        if (forS3) {
          S3Forwarding.refuse(exchange, refused.get());
        } else {
          refuse(exchange, refused.get());
        }
        return;
      }
      if (forS3) {
        s3.forward(exchange);
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        error(exchange, 404, "UnknownOperationException", "SegmentBeam serves POST requests, and GET /health.");
        return;
      }
      Operation operation = operation(exchange, path);
      if (operation == null) {
        return;
      }
      JsonNode request;
      try {
        request = body.length == 0 ? JsonNodeFactory.instance.objectNode() : ApiJson.mapper().readTree(body);
      } catch (JsonProcessingException e) {
        error(exchange, 400, "SerializationException", "The request body is not JSON: " + e.getOriginalMessage());
        return;
      }
      try {
        reply(exchange, 200, operation.call(request), null);
      } catch (InternalFailureException e) {
        error(exchange, 500, e.errorType(), e.getMessage());
      } catch (PersonalizeException e) {
        error(exchange, 400, e.errorType(), e.getMessage());
      } catch (RuntimeException e) {
        error(exchange, 500, "InternalFailure", "SegmentBeam failed unexpectedly: " + e);
      }
    }
  }

  /**
   * Whether a request is S3's: not a Personalize operation (named by {@code X-Amz-Target}), nor a
   * Personalize Events one (its path, signed for a service other than S3).
   */
  private boolean isS3(HttpExchange exchange, String path) {
    if (exchange.getRequestHeaders().containsKey("X-Amz-Target")) {
      return false;
    }
    return !events.containsKey(path) || "s3".equals(SigV4.service(exchange.getRequestHeaders()));
  }

  /** The operation a request names, or null after answering that it names none. */
  private Operation operation(HttpExchange exchange, String path) throws IOException {
    if (events.containsKey(path)) {
      return events.get(path);
    }
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    Operation operation = target != null && target.startsWith(TARGET_PREFIX)
        ? personalize.get(target.substring(TARGET_PREFIX.length())) : null;
    if (operation == null) {
      error(exchange, 400, "UnknownOperationException", target == null ? "The request names no operation "
          + "(X-Amz-Target header)." : "SegmentBeam does not serve the operation " + target + ".");
    }
    return operation;
  }

  /** Answers a refused signature as Personalize does. */
  private static void refuse(HttpExchange exchange, SigV4.Refusal refusal) throws IOException {
    switch (refusal.kind()) {
      case MISSING -> error(exchange, 403, "MissingAuthenticationTokenException", refusal.message());
      case UNKNOWN_KEY -> error(exchange, 400, "UnrecognizedClientException", refusal.message());
      default -> error(exchange, 400, "InvalidSignatureException", refusal.message());
    }
  }

  private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("__type", type)
        .put("message", SecretMasking.mask(message));
    reply(exchange, status, body, type);
  }

  private static void reply(HttpExchange exchange, int status, Object body, String errorType) throws IOException {
    byte[] bytes = ApiJson.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", JSON_1_1);
    exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    if (errorType != null) {
      exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Stops taking requests and jobs; jobs still running go on until the process ends. */
  @Override
  public void close() {
    server.stop(0);
    requestThreads.shutdownNow();
    jobs.close();
  }
}
