package io.segmentbeam.model.factors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmentbeam.model.ModelSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a job's launcher checks of a latent-factor model it does not score with: a compact model by
 * its headers alone, never its vectors, so a model larger than the launcher's heap can be submitted.
 */
class ModelCheckTest {
  @TempDir Path folder;

  @Test
  void aCompactModelIsCheckedByItsHeadersWithoutReadingItsVectors() throws IOException {
    // A header that announces 500 million users of 64 factors (128 GB of vectors) in a 12-byte file:
    // loading it would need the vectors; checking it reads the header only.
    Files.write(folder.resolve("users.sbf"), header(500_000_000, 64));
    BinaryFactorFiles.write(folder.resolve("items.sbf").toString(), new String[] {"i1"}, new float[64], 64);
    ModelSpec spec = new ModelSpec("latent-factors", folder + "/", Map.of("userFactors", "users.sbf",
        "itemFactors", "items.sbf"));
    LatentFactorModelProvider provider = new LatentFactorModelProvider();
    assertDoesNotThrow(() -> provider.check(spec));
    assertThrows(IOException.class, () -> provider.load(spec));
  }

  @Test
  void factorsOfDifferentLengthsAreRefusedByTheCheck() throws IOException {
    Files.write(folder.resolve("users.sbf"), header(10, 32));
    BinaryFactorFiles.write(folder.resolve("items.sbf").toString(), new String[] {"i1"}, new float[64], 64);
    ModelSpec spec = new ModelSpec("latent-factors", folder + "/", Map.of("userFactors", "users.sbf",
        "itemFactors", "items.sbf"));
    IOException refused = assertThrows(IOException.class, () -> new LatentFactorModelProvider().check(spec));
    assertThat(refused.getMessage(), equalTo("user factors in " + folder.resolve("users.sbf") + " have 32 values "
        + "each, item factors in " + folder.resolve("items.sbf") + " have 64"));
  }

  private static byte[] header(int rows, int dimensions) {
    return ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).put("SBF1".getBytes(StandardCharsets.US_ASCII))
        .putInt(rows).putInt(dimensions).array();
  }
}
