package io.segmentbeam.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Flink session cluster of separate JVMs on loopback, as Flink's own start scripts would run it:
 * a JobManager ({@code StandaloneSessionClusterEntrypoint}) and TaskManagers ({@code
 * TaskManagerRunner}), with a generated configuration, from a classpath that holds Flink (its
 * entry points are in {@code flink-runtime}; Flink's distribution is not on Maven Central). Jobs
 * reach it as they reach any cluster, with {@code --flinkMaster=}{@link #master()} and the jar
 * they ship. For the tests and the cluster benchmark.
 */
public final class FlinkSessionCluster implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;
  private final String classpath;
  private final int restPort;
  private final List<Process> processes = new ArrayList<>();

  private FlinkSessionCluster(Path folder, String classpath, int restPort) {
    this.folder = folder;
    this.classpath = classpath;
    this.restPort = restPort;
  }

  /**
   * Starts a JobManager and {@code taskManagers} TaskManagers of {@code slots} slots each, whose
   * heaps hold {@code taskHeapMegabytes} for tasks (plus Flink's own 64 MiB), and waits until
   * every TaskManager has registered. {@code environment} is added to every JVM's environment (the
   * workers' S3 credentials, as an instance role would give them).
   */
  public static FlinkSessionCluster start(Path folder, String classpath, int taskManagers, int slots,
      int taskHeapMegabytes, Map<String, String> environment) throws IOException, InterruptedException {
    Path configuration = Files.createDirectories(folder.resolve("conf"));
    int restPort = freePort();
    Files.write(configuration.resolve("config.yaml"), List.of(
        "jobmanager.rpc.address: 127.0.0.1",
        "jobmanager.rpc.port: " + freePort(),
        "jobmanager.bind-host: 127.0.0.1",
        "jobmanager.memory.process.size: 768m",
        "rest.address: 127.0.0.1",
        "rest.bind-address: 127.0.0.1",
        "rest.port: " + restPort,
        "taskmanager.host: 127.0.0.1",
        "taskmanager.bind-host: 127.0.0.1",
        "taskmanager.numberOfTaskSlots: " + slots,
        // What Flink's start scripts would derive and pass a TaskManager: its whole resource spec.
        "taskmanager.cpu.cores: " + slots,
        "taskmanager.memory.framework.heap.size: 64m",
        "taskmanager.memory.task.heap.size: " + taskHeapMegabytes + "m",
        "taskmanager.memory.managed.size: 64m",
        "taskmanager.memory.framework.off-heap.size: 128m",
        "taskmanager.memory.framework.off-heap.batch-shuffle.size: 32m",
        "taskmanager.memory.task.off-heap.size: 0m",
        "taskmanager.memory.network.min: 64m",
        "taskmanager.memory.network.max: 64m",
        // A batch job's sort-based shuffle takes 512 buffers (16 MiB) per partition by default.
        "taskmanager.network.sort-shuffle.min-buffers: 128",
        "taskmanager.memory.jvm-metaspace.size: 192m",
        "taskmanager.memory.jvm-overhead.min: 64m",
        "taskmanager.memory.jvm-overhead.max: 64m",
        "parallelism.default: " + taskManagers * slots,
        "web.submit.enable: false"));
    // Absolute: each JVM runs in a working folder of its own.
    String absolute = Arrays.stream(classpath.split(File.pathSeparator))
        .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
    FlinkSessionCluster cluster = new FlinkSessionCluster(folder, absolute, restPort);
    try {
      cluster.launch("jobmanager", List.of("-Xmx512m"),
          "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", environment);
      for (int i = 1; i <= taskManagers; i++) {
        // As Flink's scripts size a TaskManager's JVM: heap = framework + task heap; direct = off-heap + network.
        cluster.launch("taskmanager-" + i, List.of("-Xmx" + (64 + taskHeapMegabytes) + "m",
            "-XX:MaxDirectMemorySize=192m", "--add-modules", "jdk.incubator.vector"),
            "org.apache.flink.runtime.taskexecutor.TaskManagerRunner", environment);
      }
      cluster.awaitTaskManagers(taskManagers, Duration.ofSeconds(90));
    } catch (IOException | InterruptedException | RuntimeException e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  /** What {@code --flinkMaster} takes: the JobManager's REST address. */
  public String master() {
    return "127.0.0.1:" + restPort;
  }

  /** Every cluster JVM's log, for a failed test's message. */
  public String logs() throws IOException {
    StringBuilder all = new StringBuilder();
    try (var logs = Files.list(folder.resolve("log"))) {
      for (Path log : logs.sorted().toList()) {
        all.append("==> ").append(log.getFileName()).append('\n').append(Files.readString(log));
      }
    }
    return all.toString();
  }

  private void launch(String name, List<String> jvmOptions, String mainClass, Map<String, String> environment)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(FlinkJvm.addOpens());
    command.addAll(List.of("-cp", classpath, mainClass, "--configDir", folder.resolve("conf").toString()));
    Path log = Files.createDirectories(folder.resolve("log")).resolve(name + ".log");
    // Its own working folder, so nothing it reads by a relative path resolves by chance.
    Path workingFolder = Files.createDirectories(folder.resolve("work").resolve(name));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingFolder.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("FLINK_PLUGINS_DIR", Files.createDirectories(folder.resolve("plugins")).toString());
    builder.environment().putAll(environment);
    processes.add(builder.start());
  }

  private void awaitTaskManagers(int count, Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + master() + "/taskmanagers"))
        .timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (Process process : processes) {
        if (!process.isAlive()) {
          throw new IllegalStateException("a Flink cluster JVM exited at start:\n" + logs());
        }
      }
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode registered = JSON.readTree(response.body()).path("taskmanagers");
        if (response.statusCode() == 200 && registered.size() == count) {
          return;
        }
      } catch (IOException notYet) {
        // The JobManager's REST endpoint is not up yet.
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the Flink cluster's " + count + " TaskManagers did not register within "
        + timeout + ":\n" + logs());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).destroy();
    }
    for (Process process : processes) {
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
