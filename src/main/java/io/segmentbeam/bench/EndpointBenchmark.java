package io.segmentbeam.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The endpoint benchmark: how long a DescribeBatchSegmentJob takes through the endpoint (p50 and
 * p99, with 1 and with 16 clients calling at once), and a job's turnaround as a polling client sees
 * it, from the create's request to the describe that first says ACTIVE. Requests are the AWS JSON
 * 1.1 requests the SDKs send, over one keep-alive connection per client.
 */
public final class EndpointBenchmark {
  private static final String JSON_1_1 = "application/x-amz-json-1.1";

  private final URI endpoint;
  private final PrintWriter out;

  public EndpointBenchmark(URI endpoint, PrintWriter out) {
    this.endpoint = endpoint;
    this.out = out;
  }

  /**
   * Runs the benchmark: {@code jobs} sample jobs one after another (the first from a cold start),
   * then the describe calls, {@code calls} per client.
   *
   * @param createRequest the CreateBatchSegmentJob request, with {@code %s} wherever the job's name goes
   */
  public void run(String createRequest, int jobs, int calls) throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    String arn = null;
    List<Double> turnarounds = new ArrayList<>();
    for (int job = 0; job < jobs; job++) {
      String name = "bench-endpoint-" + System.currentTimeMillis() + "-" + job;
      long start = System.nanoTime();
      String created = call(client, "CreateBatchSegmentJob", createRequest.replace("%s", name));
      arn = created.replaceAll(".*\"batchSegmentJobArn\":\"([^\"]+)\".*", "$1");
      String status;
      do {
        status = call(client, "DescribeBatchSegmentJob", "{\"batchSegmentJobArn\":\"" + arn + "\"}")
            .replaceAll(".*\"status\":\"([^\"]+)\".*", "$1");
      } while (!status.equals("ACTIVE") && !status.equals("CREATE FAILED"));
      if (!status.equals("ACTIVE")) {
        throw new IOException("the benchmark job " + name + " ended " + status);
      }
      turnarounds.add((System.nanoTime() - start) / 1e9);
    }
    out.printf("turnaround  %.2f s cold (the first job after start-up); warm: best %.2f s, median %.2f s of %d "
        + "(create request to the describe that first says ACTIVE, polling without pause)%n", turnarounds.get(0),
        Collections.min(turnarounds.subList(1, turnarounds.size())), median(turnarounds.subList(1, turnarounds.size())),
        turnarounds.size() - 1);
    String describe = "{\"batchSegmentJobArn\":\"" + arn + "\"}";
    for (int clients : new int[] {1, 16}) {
      List<Double> millis = describeLatencies(describe, clients, calls);
      out.printf("describe    %2d client%s: p50 %.2f ms, p99 %.2f ms, %,.0f calls/s (%,d calls)%n", clients,
          clients == 1 ? " " : "s", percentile(millis, 0.50), percentile(millis, 0.99),
          millis.size() / (sum(millis) / 1000.0 / clients), millis.size());
      out.flush();
    }
  }

  private List<Double> describeLatencies(String request, int clients, int calls) throws InterruptedException {
    ExecutorService threads = Executors.newFixedThreadPool(clients);
    List<Future<List<Double>>> results = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      results.add(threads.submit(() -> {
        HttpClient client = HttpClient.newHttpClient();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < calls + calls / 10; i++) {
          long start = System.nanoTime();
          call(client, "DescribeBatchSegmentJob", request);
          // The first tenth warms the connection and the JIT and is not counted.
          if (i >= calls / 10) {
            millis.add((System.nanoTime() - start) / 1e6);
          }
        }
        return millis;
      }));
    }
    List<Double> all = new ArrayList<>();
    for (Future<List<Double>> result : results) {
      try {
        all.addAll(result.get());
      } catch (ExecutionException e) {
        throw new IllegalStateException("a describe call failed: " + e.getCause().getMessage(), e.getCause());
      }
    }
    threads.shutdown();
    Collections.sort(all);
    return all;
  }

  private String call(HttpClient client, String operation, String body) throws IOException, InterruptedException {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(endpoint)
        .header("Content-Type", JSON_1_1).header("X-Amz-Target", "AmazonPersonalize." + operation)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(operation + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static double percentile(List<Double> sorted, double fraction) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(fraction * sorted.size()) - 1));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return percentile(sorted, 0.5);
  }

  private static double sum(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sum();
  }
}
