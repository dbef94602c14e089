package io.segmentbeam.model.factors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compact factor format: what is written reads back exactly, and a broken file says what is wrong. */
class BinaryFactorFilesTest {
  @TempDir Path folder;

  @Test
  void vectorsReadBackBitForBitUnderTheirIds() throws IOException {
    String[] ids = {"a", "b\u00e9", "c"};
    float[] vectors = {1.5f, -0f, Float.MIN_VALUE, 3e38f, -2.25f, 0.1f};
    String file = folder.resolve("sub/users.sbf").toString();
    BinaryFactorFiles.write(file, ids, vectors, 2);
    FactorTable table = FactorFiles.read(file);
    assertThat(table.size(), equalTo(3));
    assertThat(table.dimensions(), equalTo(2));
    assertThat(Arrays.asList(table.id(0), table.id(1), table.id(2)), equalTo(Arrays.asList(ids)));
    float[] read = new float[vectors.length];
    for (int i = 0; i < 3; i++) {
      read[2 * i] = table.value(i, 0);
      read[2 * i + 1] = table.value(i, 1);
    }
    for (int i = 0; i < vectors.length; i++) {
      assertThat(Float.floatToRawIntBits(read[i]), equalTo(Float.floatToRawIntBits(vectors[i])));
    }
    assertThat(table.indexOf("c"), equalTo(2));
  }

  @Test
  void brokenFilesNameTheProblem() throws IOException {
    Path unordered = folder.resolve("unordered.sbf");
    BinaryFactorFiles.write(unordered.toString(), new String[] {"b", "a"}, new float[] {1, 2}, 1);
    assertThat(assertThrows(IOException.class, () -> FactorFiles.read(unordered.toString())).getMessage(),
        equalTo(unordered + ": id \"a\" (row 2) is not after \"b\": ids must be unique and ascending"));

    Path truncated = folder.resolve("truncated.sbf");
    BinaryFactorFiles.write(truncated.toString(), new String[] {"a", "b"}, new float[] {1, 2}, 1);
    byte[] bytes = Files.readAllBytes(truncated);
    Files.write(truncated, Arrays.copyOf(bytes, bytes.length - 2));
    assertThat(assertThrows(IOException.class, () -> FactorFiles.read(truncated.toString())).getMessage(),
        equalTo(truncated + ": the file ends before its last row"));

    Path json = folder.resolve("json.sbf");
    Files.writeString(json, "{\"id\": \"a\", \"features\": [1]}\n");
    assertThat(assertThrows(IOException.class, () -> FactorFiles.read(json.toString())).getMessage(),
        equalTo(json + ": not a SegmentBeam factor file (it does not start with SBF1)"));
  }
}
