package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON lines to the compact format and back gives the same bytes. */
class ConvertFactorsCliTest {
  @TempDir Path home;
  @TempDir Path work;

  @Test
  void aModelSurvivesTheRoundTripByteForByte() throws IOException {
    Path original = Path.of("sample-data", "models", "sample-item-affinity", "user-factors.jsonl");
    CliRun toBinary = CliRun.run(home, "convert-factors", "--from", original.toString(),
        "--to", work.resolve("users.sbf").toString());
    assertThat(toBinary.err(), toBinary.exitCode(), equalTo(0));
    assertThat(toBinary.out(), equalTo("1000 rows copied to " + work.resolve("users.sbf") + "\n"));
    CliRun back = CliRun.run(home, "convert-factors", "--from", work.resolve("users.sbf").toString(),
        "--to", work.resolve("users.jsonl").toString());
    assertThat(back.err(), back.exitCode(), equalTo(0));
    assertThat(Files.readString(work.resolve("users.jsonl")), equalTo(Files.readString(original)));
  }
}
