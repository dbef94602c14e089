package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.bench.EndpointBenchmark;
import io.segmentbeam.service.PersonalizeEndpoint;
import io.segmentbeam.storage.FolderRemoval;
import io.segmentbeam.store.ArnScope;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "bench-endpoint", sortOptions = false,
    description = {"Measures the endpoint (serve) on this machine: the sample job's turnaround as a polling client "
        + "sees it, cold and warm, and DescribeBatchSegmentJob latency (p50, p99) with 1 and 16 clients at once.",
        "Runs the endpoint in this process on a free loopback port, with a fresh store under --work."})
final class BenchEndpointCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--jobs", defaultValue = "6",
      description = "Sample jobs run one after another; the first is cold (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--calls", defaultValue = "2000",
      description = "Describe calls per client, after a tenth more to warm up (default: ${DEFAULT-VALUE}).")
  int calls;

  @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench-endpoint",
      description = "Where the store and the jobs' output go; emptied first (default: ${DEFAULT-VALUE}).")
  Path work;

  @Mixin ServiceOptions service;

  /** A Users dataset of its own, and imports of the sample's 1,000 users into it. */
  private EndpointBenchmark.ImportRequests importRequests() throws IOException {
    ObjectMapper json = ApiJson.mapper();
    ArnScope scope = service.scope();
    Path users = Path.of("sample-data", "datasets", "users.csv").toAbsolutePath();
    ObjectNode schema = json.createObjectNode().put("name", "bench-endpoint-users")
        .put("schema", Files.readString(Path.of("sample-data", "datasets", "users-schema.json")));
    ObjectNode group = json.createObjectNode().put("name", "bench-endpoint");
    ObjectNode dataset = json.createObjectNode().put("name", "bench-endpoint-users")
        .put("datasetGroupArn", scope.arn("dataset-group", "bench-endpoint")).put("datasetType", "Users")
        .put("schemaArn", scope.arn("schema", "bench-endpoint-users"));
    ObjectNode importJob = json.createObjectNode().put("jobName", "%s")
        .put("datasetArn", scope.arn("dataset", "bench-endpoint/USERS"))
        .put("roleArn", "arn:aws:iam::" + scope.accountId() + ":role/SegmentBeamBenchmark");
    importJob.putObject("dataSource").put("dataLocation", users.toString());
    try (var lines = Files.lines(users)) {
      return new EndpointBenchmark.ImportRequests(schema.toString(), group.toString(), dataset.toString(),
          importJob.toString(), (int) lines.count() - 1);
    }
  }

  @Override
  public Integer call() throws Exception {
    CommandLine command = spec.commandLine();
    Path folder = work.toAbsolutePath();
    FolderRemoval.remove(folder + "/", service.storageOptions());
    Files.createDirectories(folder);
    service.home = folder.resolve("home").toString();
    ObjectNode request = (ObjectNode) ApiJson.mapper().readTree(Path.of("pipelines/sample-batch-segment-job.json")
        .toFile());
    request.put("jobName", "%s");
    ((ObjectNode) request.get("jobOutput").get("s3DataDestination")).put("path", folder.resolve("output-%s") + "/");
    try (PersonalizeEndpoint endpoint = PersonalizeEndpoint.start("127.0.0.1", 0,
        service.services(command, List.of()), 2, null, Map.of())) {
      new EndpointBenchmark(URI.create("http://127.0.0.1:" + endpoint.port() + "/"), command.getOut())
          .run(request.toString(), importRequests(), jobs, calls);
    }
    return 0;
  }
}
