package io.segmentbeam.sample;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
  /** The settings the repository's sample-data/ was made with (generate-sample-data's defaults). */
  static final SampleDataGenerator.Settings REPOSITORY = new SampleDataGenerator.Settings(42, 1000, 200, 25, 2, 25);
  static final List<String> FILES = List.of("datasets/interactions-schema.json", "datasets/interactions.csv",
      "datasets/items-schema.json", "datasets/items.csv", "datasets/users-schema.json", "datasets/users.csv",
      "ground-truth/item-genres.jsonl", "ground-truth/user-affinities.jsonl", "input-attributes/attributes-1.json",
      "input/items-1.json", "input/items-2.json");

  @Test
  void sameSeedGivesByteIdenticalFilesEqualToTheCommittedSampleData(@TempDir Path first, @TempDir Path second)
      throws IOException {
    new SampleDataGenerator(REPOSITORY).writeTo(first);
    new SampleDataGenerator(REPOSITORY).writeTo(second);
    assertThat(files(first), equalTo(FILES));
    for (String file : FILES) {
      byte[] generated = Files.readAllBytes(first.resolve(file));
      assertThat(file, Files.readAllBytes(second.resolve(file)), equalTo(generated));
      assertThat(file, Files.readAllBytes(Path.of("sample-data").resolve(file)), equalTo(generated));
    }
  }

  @Test
  void anotherSeedGivesOtherInteractions(@TempDir Path first, @TempDir Path second) throws IOException {
    new SampleDataGenerator(REPOSITORY).writeTo(first);
    new SampleDataGenerator(new SampleDataGenerator.Settings(43, 1000, 200, 25, 2, 25)).writeTo(second);
    assertThat(Files.mismatch(first.resolve("datasets/interactions.csv"), second.resolve("datasets/interactions.csv")),
        greaterThan(0L));
  }

  /** The dataset types the sample data has: those segment models are trained on. */
  private static final List<DatasetType> SAMPLED = List.of(DatasetType.INTERACTIONS, DatasetType.USERS,
      DatasetType.ITEMS);

  @Test
  void schemasAreValidAvroNamingThePersonalizeFields() throws IOException {
    for (DatasetType type : SAMPLED) {
      String file = "sample-data/datasets/" + type.recordName().toLowerCase() + "-schema.json";
      Schema avro = new Schema.Parser().parse(Files.readString(Path.of(file)));
      assertThat(file, avro.getType(), equalTo(Schema.Type.RECORD));
      assertThat(file, avro.getFullName(), equalTo("com.amazonaws.personalize.schema." + type.recordName()));
      List<String> names = avro.getFields().stream().map(Schema.Field::name).toList();
      assertThat(file, names, equalTo(DatasetSchema.read(type, file).fields().stream().map(f -> f.name()).toList()));
    }
    assertThat(fieldNames("interactions"), contains("USER_ID", "ITEM_ID", "EVENT_TYPE", "EVENT_VALUE", "TIMESTAMP"));
    assertThat(fieldNames("items"), contains("ITEM_ID", "GENRES", "CATEGORY", "PRICE", "DESCRIPTION"));
    assertThat(fieldNames("users"), contains("USER_ID", "AGE", "MEMBERSHIP"));
    Schema items = new Schema.Parser().parse(Files.readString(Path.of("sample-data/datasets/items-schema.json")));
    assertThat(items.getField("GENRES").getObjectProp("categorical"), equalTo(true));
    assertThat(items.getField("DESCRIPTION").getObjectProp("textual"), equalTo(true));
  }

  @Test
  void everyCommittedDatasetReadsBackUnderItsSchema() throws IOException {
    for (DatasetType type : SAMPLED) {
      String name = type.recordName().toLowerCase();
      AtomicLong rows = new AtomicLong();
      DatasetReader.read("sample-data/datasets/" + name + ".csv",
          DatasetSchema.read(type, "sample-data/datasets/" + name + "-schema.json"), row -> rows.incrementAndGet());
      assertThat(name, rows.get(), equalTo(Files.lines(Path.of("sample-data/datasets/" + name + ".csv")).count() - 1));
    }
  }

  private static List<String> fieldNames(String dataset) throws IOException {
    String json = Files.readString(Path.of("sample-data/datasets/" + dataset + "-schema.json"));
    return new Schema.Parser().parse(json).getFields().stream().map(Schema.Field::name).toList();
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
    }
  }
}
