package io.segmentbeam.service;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Forwards S3 requests from the endpoint to its {@link S3Backend}, streaming bodies both ways.
 * S3Proxy's filesystem backend cannot store SSE-KMS, so the SSE headers a request gives (PutObject,
 * CreateMultipartUpload, CopyObject) are kept as two metadata entries of the object and given back
 * as SSE headers on GetObject and HeadObject, as S3 gives them; the entries themselves never show.
 */
final class S3Forwarding {
  static final String SSE = "x-amz-server-side-encryption";
  static final String SSE_KEY = "x-amz-server-side-encryption-aws-kms-key-id";
  private static final String META_SSE = "x-amz-meta-segmentbeam-sse";
  private static final String META_SSE_KEY = "x-amz-meta-segmentbeam-sse-kms-key-id";
  private static final String COPY_SOURCE = "x-amz-copy-source";
  private static final String DIRECTIVE = "x-amz-metadata-directive";
  /** Headers of one hop, or that the HTTP client sets itself. */
  private static final Set<String> HOP = Set.of("host", "connection", "content-length", "expect", "upgrade",
      "transfer-encoding", "keep-alive", "authorization", "date");
  /** What a copy keeps of its source when it must give the metadata itself. */
  private static final Set<String> COPIED = Set.of("content-type", "content-encoding", "content-disposition",
      "content-language", "cache-control", "expires");

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI backend;

  S3Forwarding(URI backend) {
    this.backend = backend;
  }

  void forward(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    Map<String, String> headers = requestHeaders(exchange.getRequestHeaders());
    if (method.equals("PUT") && headers.containsKey(COPY_SOURCE)) {
      giveCopyMetadata(headers);
    }
    String sse = headers.remove(SSE);
    String sseKey = headers.remove(SSE_KEY);
    headers.remove("x-amz-server-side-encryption-context");
    headers.remove("x-amz-server-side-encryption-bucket-key-enabled");
    if (sse != null) {
      headers.put(META_SSE, sse);
      if (sseKey != null) {
        headers.put(META_SSE_KEY, sseKey);
      }
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(target(exchange))
        .method(method, body(exchange, method));
    headers.forEach(request::header);
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding an S3 request", e);
    }
    reply(exchange, method, response);
  }

  private URI target(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    return URI.create(backend + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
  }

  private static HttpRequest.BodyPublisher body(HttpExchange exchange, String method) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    boolean chunked = "chunked".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Transfer-Encoding"));
    if ((length == null || length.equals("0")) && !chunked) {
      return HttpRequest.BodyPublishers.noBody();
    }
    HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody);
    return length == null ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, Long.parseLong(length));
  }

  private static Map<String, String> requestHeaders(Headers given) {
    Map<String, String> headers = new TreeMap<>();
    given.forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (!HOP.contains(lower)) {
        headers.put(lower, String.join(",", values));
      }
    });
    return headers;
  }

  /**
   * A copy keeps its source's metadata but takes the request's encryption, as in S3; S3Proxy
   * would copy the source's encryption entries along, so the copy gives all metadata itself.
   */
  private void giveCopyMetadata(Map<String, String> headers) throws IOException {
    if ("REPLACE".equalsIgnoreCase(headers.get(DIRECTIVE))) {
      return;
    }
    String source = URLDecoder.decode(headers.get(COPY_SOURCE).split("\\?")[0], StandardCharsets.UTF_8);
    String path = source.startsWith("/") ? source : "/" + source;
    HttpResponse<Void> head;
    try {
      head = client.send(HttpRequest.newBuilder(URI.create(backend + SigV4.encode(path, "/")))
          .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading a copy's source", e);
    }
    if (head.statusCode() != 200) {
      return; // S3Proxy answers the copy itself: no such key, or no access.
    }
    headers.put(DIRECTIVE, "REPLACE");
    head.headers().map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      boolean ours = lower.equals(META_SSE) || lower.equals(META_SSE_KEY);
      if ((lower.startsWith("x-amz-meta-") && !ours) || COPIED.contains(lower)) {
        headers.put(lower, String.join(",", values));
      }
    });
  }

  /** Answers a refused signature as S3 does: HTTP 403 with its XML error. */
  static void refuse(HttpExchange exchange, SigV4.Refusal refusal) throws IOException {
    String code = switch (refusal.kind()) {
      case MISSING -> "AccessDenied";
      case UNKNOWN_KEY -> "InvalidAccessKeyId";
      case EXPIRED -> "RequestTimeTooSkewed";
      case MISMATCH -> "SignatureDoesNotMatch";
    };
    String message = refusal.kind() == SigV4.Kind.UNKNOWN_KEY
        ? "The AWS Access Key Id you provided does not exist in our records." : refusal.message();
    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
        + message.replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(403, -1);
      return;
    }
    exchange.sendResponseHeaders(403, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void reply(HttpExchange exchange, String method, HttpResponse<InputStream> response)
      throws IOException {
    Headers out = exchange.getResponseHeaders();
    HttpHeaders headers = response.headers();
    headers.map().forEach((name, values) -> {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals(META_SSE)) {
        out.put(SSE, values);
      } else if (lower.equals(META_SSE_KEY)) {
        out.put(SSE_KEY, values);
      } else if (!HOP.contains(lower) && !lower.equals(":status")) {
        out.put(name, List.copyOf(values));
      }
    });
    long length = headers.firstValueAsLong("Content-Length").orElse(-1);
    int status = response.statusCode();
    try (InputStream body = response.body()) {
      if (method.equals("HEAD")) {
        if (length >= 0) {
          out.set("Content-Length", Long.toString(length));
        }
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      if (length == 0 || status == 204 || status == 304) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, Math.max(length, 0));
      try (OutputStream sink = exchange.getResponseBody()) {
        body.transferTo(sink);
      }
    }
  }
}
