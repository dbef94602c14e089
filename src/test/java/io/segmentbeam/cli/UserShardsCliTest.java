package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.model.factors.BinaryFactorFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose user vectors exceed the memory budget is scored in user shards whose partial
 * tops are merged: the output is the same, byte for byte, as the whole model's.
 */
class UserShardsCliTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String VERSION = "arn:aws:personalize:us-east-1:123456789012:solution/sharded/1";

  @TempDir Path home;
  @TempDir Path work;
  Path versions;
  Path input;
  String lastErr;

  /** The sample model with its user vectors in the compact format, and input with lines that fail. */
  @BeforeEach
  void writeModelAndInput() throws IOException {
    Map<String, float[]> users = new TreeMap<>();
    for (String line : Files.readAllLines(Path.of("sample-data", "models", "sample-item-affinity",
        "user-factors.jsonl"))) {
      JsonNode row = JSON.readTree(line);
      float[] features = new float[row.get("features").size()];
      for (int f = 0; f < features.length; f++) {
        features[f] = (float) row.get("features").get(f).asDouble();
      }
      users.put(row.get("id").asText(), features);
    }
    int dimensions = users.values().iterator().next().length;
    float[] vectors = new float[users.size() * dimensions];
    int row = 0;
    for (float[] features : users.values()) {
      System.arraycopy(features, 0, vectors, row++ * dimensions, dimensions);
    }
    Path model = work.resolve("users.sbf");
    BinaryFactorFiles.write(model.toString(), users.keySet().toArray(String[]::new), vectors, dimensions);
    versions = Files.createDirectories(work.resolve("versions"));
    Files.writeString(versions.resolve("sharded.json"), """
        {"solutionVersionArn": "%s", "recipeArn": "arn:aws:personalize:::recipe/aws-item-affinity",
         "model": {"type": "latent-factors", "userFactors": "%s", "itemFactors": "%s"}}
        """.formatted(VERSION, model, Path.of("sample-data", "models", "sample-item-affinity", "item-factors.jsonl")
        .toAbsolutePath()));
    input = Files.createDirectories(work.resolve("input"));
    List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("sample-data", "input", "items-1.json")));
    lines.add(3, "{\"itemId\": \"no-such-item\"}");
    lines.add(7, "not json");
    Files.write(input.resolve("items.json"), lines);
  }

  @Test
  void shardedOutputEqualsTheWholeModelsByteForByte() throws IOException {
    // 1,000 users x 16 factors x 4 bytes = 64,000 bytes: a 20,000-byte budget makes 4 shards.
    for (String filter : new String[] {null, "arn:aws:personalize:us-east-1:123456789012:filter/paying-members"}) {
      String whole = Files.readString(run("whole-" + (filter != null), filter).resolve("items.json.out"));
      String sharded = Files.readString(run("sharded-" + (filter != null), filter, "--userShardBytes=20000")
          .resolve("items.json.out"));
      assertThat(lastErr, containsString("linesScored=25, userShardsScored=4, scoring="));
      assertThat(sharded, equalTo(whole));
      assertThat(sharded.lines().toList(), hasSize(27));
      assertThat(sharded.lines().filter(line -> line.contains("\"error\": null")).count(), equalTo(25L));
    }
  }

  private Path run(String name, String filterArn, String... beamOptions) throws IOException {
    ObjectNode request = (ObjectNode) JSON.readTree(Path.of("pipelines", "sample-batch-segment-job.json").toFile());
    request.put("jobName", name).put("solutionVersionArn", VERSION);
    if (filterArn != null) {
      request.put("filterArn", filterArn);
    }
    ((ObjectNode) request.get("jobInput").get("s3DataSource")).put("path", input + "/");
    Path output = work.resolve("out-" + name);
    ((ObjectNode) request.get("jobOutput").get("s3DataDestination")).put("path", output + "/");
    List<String> args = new ArrayList<>(List.of("create-batch-segment-job", "--cli-input-json", request.toString(),
        "--solution-versions", versions.toString()));
    args.addAll(List.of(beamOptions));
    CliRun run = CliRun.run(home, args.toArray(String[]::new));
    assertThat(run.err(), run.exitCode(), equalTo(0));
    lastErr = run.err();
    return output;
  }
}
