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
 * p99, with 1 and with 16 clients calling at once), and the turnaround of a batch segment job and
 * of a dataset import job as a polling client sees it, from the create's request to the describe
 * that first says ACTIVE. Requests are the AWS JSON
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
   * then as many import jobs, then the describe calls, {@code calls} per client.
   *
   * @param createRequest the CreateBatchSegmentJob request, with {@code %s} wherever the job's name goes
   */
  public void run(String createRequest, ImportRequests imports, int jobs, int calls)
      throws IOException, InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    List<String> arns = new ArrayList<>();
    report("turnaround", "the sample batch segment job",
        turnarounds(client, jobs, "BatchSegmentJob", createRequest, arns));
    call(client, "CreateSchema", imports.schema());
    call(client, "CreateDatasetGroup", imports.datasetGroup());
    call(client, "CreateDataset", imports.dataset());
    report("import", "a dataset import job of " + imports.rows() + " Users rows",
        turnarounds(client, jobs, "DatasetImportJob", imports.importJob(), new ArrayList<>()));
    String arn = arns.get(arns.size() - 1);
    String describe = "{\"batchSegmentJobArn\":\"" + arn + "\"}";
    for (int clients : new int[] {1, 16}) {
      List<Double> millis = describeLatencies(describe, clients, calls);
      out.printf("describe    %2d client%s: p50 %.2f ms, p99 %.2f ms, %,.0f calls/s (%,d calls)%n", clients,
          clients == 1 ? " " : "s", percentile(millis, 0.50), percentile(millis, 0.99),
          millis.size() / (sum(millis) / 1000.0 / clients), millis.size());
      out.flush();
    }
  }

  /**
   * The requests that set up a Users dataset and import into it, each import job's request with
   * {@code %s} wherever its name goes.
   */
  public record ImportRequests(String schema, String datasetGroup, String dataset, String importJob, int rows) {}

  /** Runs {@code jobs} jobs of a kind one after another; each one's seconds from create to ACTIVE. */
  private List<Double> turnarounds(HttpClient client, int jobs, String kind, String createRequest, List<String> arns)
      throws IOException, InterruptedException {
    String arnField = Character.toLowerCase(kind.charAt(0)) + kind.substring(1) + "Arn";
    List<Double> turnarounds = new ArrayList<>();
    for (int job = 0; job < jobs; job++) {
      String name = "bench-endpoint-" + System.currentTimeMillis() + "-" + job;
      long start = System.nanoTime();
      String created = call(client, "Create" + kind, createRequest.replace("%s", name));
      String arn = created.replaceAll(".*\"" + arnField + "\":\"([^\"]+)\".*", "$1");
      arns.add(arn);
      String status;
      do {
        status = call(client, "Describe" + kind, "{\"" + arnField + "\":\"" + arn + "\"}")
            .replaceAll(".*\"status\":\"([^\"]+)\".*", "$1");
      } while (!status.equals("ACTIVE") && !status.equals("CREATE FAILED"));
      if (!status.equals("ACTIVE")) {
        throw new IOException("the benchmark's " + kind + " " + name + " ended " + status);
      }
      turnarounds.add((System.nanoTime() - start) / 1e9);
    }
    return turnarounds;
  }

  private void report(String label, String what, List<Double> turnarounds) {
    List<Double> warm = turnarounds.subList(1, turnarounds.size());
    out.printf("%-11s %s: %.2f s cold (the first after start-up); warm: best %.2f s, median %.2f s of %d "
        + "(create request to the describe that first says ACTIVE, polling without pause)%n", label, what,
        turnarounds.get(0), Collections.min(warm), median(warm), warm.size());
    out.flush();
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

  /** The middle value (the lower of the two middle ones for an even count); the benchmarks' median. */
  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return percentile(sorted, 0.5);
  }

  private static double sum(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).sum();
  }
}
