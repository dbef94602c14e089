package io.segmentbeam.pipeline;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.kernel.ScoringKernel;
import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.api.Recipe;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestPipelineExtension;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on the Direct runner (immutability and encodability checks on) with a model small
 * enough that every expected segment is worked out by hand.
 */
@ExtendWith(TestPipelineExtension.class)
class BatchSegmentPipelineTest {
  @TempDir Path folder;
  private ModelSpec model;

  /**
   * Users u1 [1,0], u2 [0,1], u3 [1,1], u4 [2,0]. Item i1 [1,0] scores them 1, 0, 1, 2: top two
   * u4 then u1 (u1 and u3 tie; u1's id is smaller). Item i2 [0,1] scores them 0, 1, 1, 0.
   */
  @BeforeEach
  void writeModel() throws IOException {
    Path users = folder.resolve("users.jsonl");
    Files.writeString(users, """
        {"id": "u3", "features": [1, 1]}
        {"id": "u1", "features": [1, 0]}
        {"id": "u4", "features": [2, 0]}
        {"id": "u2", "features": [0, 1]}
        """);
    Path items = folder.resolve("items.jsonl");
    Files.writeString(items, """
        {"id": "i1", "features": [1.0, 0.0]}
        {"id": "i2", "features": [0.0, 1.0]}
        """);
    model = new ModelSpec("latent-factors", null,
        Map.of("userFactors", users.toString(), "itemFactors", items.toString()));
  }

  @Test
  void everyLineGetsExactlyOneOutputLine(TestPipeline pipeline) {
    PCollection<KV<String, KV<Long, String>>> output = pipeline
        .apply(Create.of(
            KV.of("a.json", KV.of(1L, "{\"itemId\": \"i1\"}")),
            KV.of("a.json", KV.of(2L, "{\"itemId\": \"i2\", \"filterValues\": {\"P\": \"x\"}}")),
            KV.of("a.json", KV.of(3L, "{\"itemId\": \"nope\"}")),
            KV.of("b.json", KV.of(1L, "oops")),
            KV.of("b.json", KV.of(2L, "{\"itemAttributes\": \"ITEMS.GENRE = \\\"x\\\"\"}"))))
        .apply(new ScoreSegments(model, Recipe.ITEM_AFFINITY, 2, null, null, 1, ScoringKernel.EVERY_CORE, "test"));
    PAssert.that(output).containsInAnyOrder(
        KV.of("a.json", KV.of(1L,
            "{\"input\": {\"itemId\": \"i1\"}, \"output\": {\"usersList\": [\"u4\", \"u1\"]}, \"error\": null}")),
        KV.of("a.json", KV.of(2L, "{\"input\": {\"itemId\": \"i2\", \"filterValues\": {\"P\": \"x\"}}, "
            + "\"output\": {\"usersList\": [\"u2\", \"u3\"]}, \"error\": null}")),
        KV.of("a.json", KV.of(3L, "{\"input\": {\"itemId\": \"nope\"}, \"output\": null, "
            + "\"error\": \"Item \\\"nope\\\" is not in the solution version's model\"}")),
        KV.of("b.json", KV.of(1L, "{\"input\": \"oops\", \"output\": null, \"error\": \"Line is not valid JSON: "
            + "Unrecognized token 'oops': was expecting (JSON String, Number, Array, Object or token 'null', "
            + "'true' or 'false')\"}")),
        KV.of("b.json", KV.of(2L, "{\"input\": {\"itemAttributes\": \"ITEMS.GENRE = \\\"x\\\"\"}, \"output\": null, "
            + "\"error\": \"\\\"itemAttributes\\\" queries need an Item-Attribute-Affinity solution version; this one "
            + "uses arn:aws:personalize:::recipe/aws-item-affinity, which takes \\\"itemId\\\" lines\"}")));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void writesOneOutFilePerInputFileInInputOrder(TestPipeline pipeline) throws IOException {
    Path input = Files.createDirectories(folder.resolve("in/sub"));
    Files.writeString(folder.resolve("in/first.json"), "{\"itemId\": \"i2\"}\r\n\n{\"itemId\": \"i1\"}");
    Files.writeString(input.resolve("first.json"), "{\"itemId\": \"i1\"}\n");
    Files.writeString(folder.resolve("in_other.json"), "{\"itemId\": \"i2\"}\n");
    Files.write(folder.resolve("in/bad.json"), new byte[] {'{', (byte) 0xFF, '}', '\n'});
    Files.write(folder.resolve("in/folder-marker"), new byte[0]);
    Path output = folder.resolve("out");

    BatchSegmentPipeline.build(pipeline, spec(pipeline, folder.resolve("in") + "/", output, 1));
    pipeline.run().waitUntilFinish();

    assertThat(outFiles(output), containsInAnyOrder("first.json.out", "sub/first.json.out", "bad.json.out"));
    assertThat(Files.readAllLines(output.resolve("first.json.out"), StandardCharsets.UTF_8), equalTo(List.of(
        "{\"input\": {\"itemId\": \"i2\"}, \"output\": {\"usersList\": [\"u2\"]}, \"error\": null}",
        "{\"input\": \"\", \"output\": null, \"error\": \"Line is blank: each line must be a JSON object such as "
            + "{\\\"itemId\\\": \\\"105\\\"}\"}",
        "{\"input\": {\"itemId\": \"i1\"}, \"output\": {\"usersList\": [\"u4\"]}, \"error\": null}")));
    assertThat(Files.readAllLines(output.resolve("sub/first.json.out")), equalTo(List.of(
        "{\"input\": {\"itemId\": \"i1\"}, \"output\": {\"usersList\": [\"u4\"]}, \"error\": null}")));
    assertThat(Files.readAllLines(output.resolve("bad.json.out")), equalTo(List.of(
        "{\"input\": \"{\uFFFD}\", \"output\": null, \"error\": \"Line is not valid UTF-8 (invalid byte sequence; "
            + "shown with replacement characters)\"}")));
  }

  @Test
  void prefixWithoutSlashAlsoMatchesSiblingsThatStartWithIt(TestPipeline pipeline) throws IOException {
    Files.createDirectories(folder.resolve("in"));
    Files.createDirectories(folder.resolve("in_test"));
    Files.writeString(folder.resolve("in/a.json"), "{\"itemId\": \"i1\"}\n");
    Files.writeString(folder.resolve("in_test/b.json"), "{\"itemId\": \"i1\"}\n");
    Files.writeString(folder.resolve("other.json"), "{\"itemId\": \"i1\"}\n");
    Path output = folder.resolve("out");

    BatchSegmentPipeline.build(pipeline, spec(pipeline, folder.resolve("in").toString(), output, 3));
    pipeline.run().waitUntilFinish();

    assertThat(outFiles(output), containsInAnyOrder("in/a.json.out", "in_test/b.json.out"));
  }

  /**
   * The job's spec for the input prefix, listed as a job lists it, writing into {@code output},
   * made first as a job's staging folder is.
   */
  private SegmentJobSpec spec(TestPipeline pipeline, String prefix, Path output, int numResults) throws IOException {
    InputPrefix input = InputPrefix.of(prefix);
    Files.createDirectories(output);
    return new SegmentJobSpec(JobStorage.of(pipeline.getOptions(), null), "test", input,
        input.files(pipeline.getOptions()), output + "/", numResults, Recipe.ITEM_AFFINITY, model, InputLimit.NONE,
        null, null, 1, ScoringKernel.EVERY_CORE);
  }

  private static List<String> outFiles(Path output) throws IOException {
    try (Stream<Path> files = Files.walk(output)) {
      return files.filter(Files::isRegularFile).map(f -> output.relativize(f).toString()).toList();
    }
  }
}
