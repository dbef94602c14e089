package io.segmentbeam.sample;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Makes a small, reproducible latent-factor model and segment input files: the same settings
 * give byte-identical files. Users and items belong to a few hidden taste groups, so that an
 * item's segment is made of the users who share its group.
 *
 * <p>Writes {@code model/user-factors.jsonl}, {@code model/item-factors.jsonl} and
 * {@code input/items-N.json} under the output folder.
 */
public final class SampleDataGenerator {

  /** What to generate. */
  public record Settings(long seed, int users, int items, int factors, int inputFiles, int linesPerFile) {}

  /** Hidden taste groups that users and items are drawn around. */
  private static final int GROUPS = 8;

  private final Settings settings;

  public SampleDataGenerator(Settings settings) {
    this.settings = settings;
  }

  public void writeTo(Path folder) throws IOException {
    SplittableRandom random = new SplittableRandom(settings.seed());
    float[][] groupCentres = new float[GROUPS][];
    for (int g = 0; g < groupCentres.length; g++) {
      groupCentres[g] = gaussian(random, 1.0);
    }
    Path model = Files.createDirectories(folder.resolve("model"));
    writeFactors(model.resolve("user-factors.jsonl"), settings.users(), 1, groupCentres, random);
    writeFactors(model.resolve("item-factors.jsonl"), settings.items(), firstItemId(), groupCentres, random);
    Path input = Files.createDirectories(folder.resolve("input"));
    for (int file = 1; file <= settings.inputFiles(); file++) {
      try (Writer out = Files.newBufferedWriter(input.resolve("items-" + file + ".json"), StandardCharsets.UTF_8)) {
        for (int line = 0; line < settings.linesPerFile(); line++) {
          int item = firstItemId() + random.nextInt(settings.items());
          out.write("{\"itemId\": \"" + item + "\"}\n");
        }
      }
    }
  }

  /** Item ids follow user ids' range so that the two never look alike. */
  private int firstItemId() {
    return 100_001;
  }

  private void writeFactors(Path file, int count, int firstId, float[][] groupCentres, SplittableRandom random)
      throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < count; i++) {
        float[] centre = groupCentres[random.nextInt(groupCentres.length)];
        float[] noise = gaussian(random, 0.35);
        StringBuilder line = new StringBuilder("{\"id\": \"").append(firstId + i).append("\", \"features\": [");
        for (int f = 0; f < centre.length; f++) {
          line.append(f == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", centre[f] + noise[f]));
        }
        out.write(line.append("]}\n").toString());
      }
    }
  }

  private float[] gaussian(SplittableRandom random, double scale) {
    float[] vector = new float[settings.factors()];
    for (int f = 0; f < vector.length; f++) {
      // Box-Muller keeps the stream of random numbers, and so the files, the same on every JVM.
      double u1 = 1.0 - random.nextDouble();
      double u2 = random.nextDouble();
      vector[f] = (float) (scale * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2) / Math.sqrt(vector.length));
    }
    return vector;
  }
}
