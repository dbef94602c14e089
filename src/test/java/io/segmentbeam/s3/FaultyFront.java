package io.segmentbeam.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An HTTP/1.1 front for the S3 server that passes requests through byte for byte (so AWS
 * signatures stay valid) and answers some of them itself, as a real S3 can: with 503 SlowDown, or
 * by refusing a KMS key. It can also stop listening and start again on the same port, which to a
 * client is the server being stopped and restarted (behind it, S3Proxy keeps its objects).
 */
public final class FaultyFront implements AutoCloseable {
  /** A request as the front sees it: method, path with query, and headers in lower case. */
  public record Request(String method, String target, Map<String, String> headers) {
    public Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  /** A canned S3 error response. */
  public record Refusal(int status, String reason, String code, String message) {}

  private final int upstreamPort;
  private final int port;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "faulty-front");
    thread.setDaemon(true);
    return thread;
  });
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final List<Request> seen = new CopyOnWriteArrayList<>();
  private volatile Function<Request, Optional<Refusal>> faults = request -> Optional.empty();
  private volatile ServerSocket listener;

  public FaultyFront(URI upstream) throws IOException {
    this.upstreamPort = upstream.getPort();
    try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      this.port = probe.getLocalPort();
    }
    start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Decides, per request, whether the front answers it with an error instead of the server. */
  public void faults(Function<Request, Optional<Refusal>> faults) {
    this.faults = faults;
  }

  /** Every request that reached the front, in order. */
  public List<Request> seen() {
    return seen;
  }

  /** Starts (again) listening on the front's port. */
  public synchronized void start() throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = socket;
    threads.submit(() -> accept(socket));
  }

  /** Stops listening and drops every open connection: clients now find no server. */
  public synchronized void stop() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
    open.clear();
  }

  @Override
  public void close() throws IOException {
    stop();
    threads.shutdownNow();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        open.add(client);
        threads.submit(() -> serve(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
      open.add(upstream);
      InputStream fromClient = client.getInputStream();
      OutputStream toClient = client.getOutputStream();
      InputStream fromServer = upstream.getInputStream();
      OutputStream toServer = upstream.getOutputStream();
      while (true) {
        byte[] head = readHead(fromClient);
        if (head == null) {
          return;
        }
        Request request = parse(head);
        seen.add(request);
        boolean expectContinue = request.header("expect").map(v -> v.equalsIgnoreCase("100-continue")).orElse(false);
        Optional<Refusal> refusal = faults.apply(request);
        if (refusal.isPresent()) {
          if (!expectContinue) {
            copyBody(request.headers(), fromClient, OutputStream.nullOutputStream());
          }
          refuse(toClient, refusal.get());
          return;
        }
        toServer.write(head);
        toServer.flush();
        byte[] response;
        if (expectContinue) {
          response = readHead(fromServer);
          if (response == null) {
            return;
          }
          toClient.write(response);
          toClient.flush();
          if (status(response) != 100) {
            copyBody(parse(response).headers(), fromServer, toClient);
            return;
          }
        }
        copyBody(request.headers(), fromClient, toServer);
        toServer.flush();
        response = readHead(fromServer);
        if (response == null) {
          return;
        }
        toClient.write(response);
        int status = status(response);
        if (!request.method().equals("HEAD") && status != 204 && status != 304) {
          copyBody(parse(response).headers(), fromServer, toClient);
        }
        toClient.flush();
      }
    } catch (SocketException dropped) {
      // stop() closed the connection, or a peer went away.
    } catch (IOException e) {
      // A broken exchange ends the connection, as a real server's would.
    }
  }

  private static void refuse(OutputStream out, Refusal refusal) throws IOException {
    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + refusal.code() + "</Code><Message>"
        + refusal.message() + "</Message><RequestId>faulty-front</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
    out.write(("HTTP/1.1 " + refusal.status() + " " + refusal.reason() + "\r\nContent-Type: application/xml\r\n"
        + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  /** The bytes up to and including the blank line that ends a head; null at end of stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
    }
    return head.toByteArray();
  }

  private static Request parse(byte[] head) {
    String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] start = lines[0].split(" ");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
    }
    return new Request(start[0], start.length > 1 ? start[1] : "", headers);
  }

  private static int status(byte[] responseHead) {
    return Integer.parseInt(new String(responseHead, 9, 3, StandardCharsets.ISO_8859_1));
  }

  /** Copies a message body framed by Content-Length or chunked transfer coding. */
  private static void copyBody(Map<String, String> headers, InputStream in, OutputStream out) throws IOException {
    if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
      while (true) {
        String size = readLine(in, out);
        int length = Integer.parseInt(size.split(";")[0].strip(), 16);
        if (length == 0) {
          String trailer;
          do {
            trailer = readLine(in, out);
          } while (!trailer.isEmpty());
          return;
        }
        copy(in, out, length + 2);
      }
    }
    copy(in, out, Long.parseLong(headers.getOrDefault("content-length", "0")));
  }

  private static String readLine(InputStream in, OutputStream out) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0; b = in.read()) {
      out.write(b);
      if (b == '\n') {
        return line.toString().strip();
      }
      line.append((char) b);
    }
    throw new IOException("the connection closed inside a chunked body");
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[8192];
    while (length > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, length));
      if (n < 0) {
        throw new IOException("the connection closed inside a body");
      }
      out.write(buffer, 0, n);
      length -= n;
    }
  }
}
