package io.segmentbeam.sample;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDataGeneratorTest {
  /** The settings the repository's sample-data/ was made with (generate-sample-data's defaults). */
  static final SampleDataGenerator.Settings REPOSITORY = new SampleDataGenerator.Settings(42, 1000, 200, 16, 2, 25);

  @Test
  void sameSeedGivesByteIdenticalFilesEqualToTheCommittedSampleData(@TempDir Path first, @TempDir Path second)
      throws IOException {
    new SampleDataGenerator(REPOSITORY).writeTo(first);
    new SampleDataGenerator(REPOSITORY).writeTo(second);
    List<String> files = files(first);
    assertThat(files, equalTo(List.of("input/items-1.json", "input/items-2.json", "model/item-factors.jsonl",
        "model/user-factors.jsonl")));
    for (String file : files) {
      byte[] generated = Files.readAllBytes(first.resolve(file));
      assertThat(file, Files.readAllBytes(second.resolve(file)), equalTo(generated));
      assertThat(file, Files.readAllBytes(Path.of("sample-data").resolve(file)), equalTo(generated));
    }
  }

  @Test
  void anotherSeedGivesOtherFactors(@TempDir Path first, @TempDir Path second) throws IOException {
    new SampleDataGenerator(REPOSITORY).writeTo(first);
    new SampleDataGenerator(new SampleDataGenerator.Settings(43, 1000, 200, 16, 2, 25)).writeTo(second);
    assertThat(Files.mismatch(first.resolve("model/user-factors.jsonl"), second.resolve("model/user-factors.jsonl"))
        >= 0, equalTo(true));
  }

  private static List<String> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).map(f -> root.relativize(f).toString()).sorted().toList();
    }
  }
}
