package io.segmentbeam.bench;

import io.segmentbeam.model.factors.BinaryFactorFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The benchmarks' scenario: random user and item vectors, Item-Affinity queries, and a Users
 * filter that holds out a share of users, written as a job finds them: a compact model, a Users
 * dataset, one input file, and the declarations of the solution version, dataset group and filter.
 */
final class BenchScenario {
  static final String VERSION = "arn:aws:personalize:us-east-1:123456789012:solution/bench/1";
  static final String FILTER = "arn:aws:personalize:us-east-1:123456789012:filter/bench-held-out";
  private static final String GROUP = "arn:aws:personalize:us-east-1:123456789012:dataset-group/bench";
  /** The values of the Users dataset's PLAN. */
  private static final String[] PLANS = {"free", "trial", "basic", "standard", "plus", "premium", "family", "student",
      "business", "team", "enterprise", "annual", "monthly", "gift"};

  final String[] userIds;
  final float[] userVectors;
  final String[] itemIds;
  final float[] itemVectors;
  final int factors;
  /** The users the filter keeps. */
  final BitSet kept;
  /** Each query's item. */
  final int[] queryItems;

  private BenchScenario(String[] userIds, float[] userVectors, String[] itemIds, float[] itemVectors, int factors,
      BitSet kept, int[] queryItems) {
    this.userIds = userIds;
    this.userVectors = userVectors;
    this.itemIds = itemIds;
    this.itemVectors = itemVectors;
    this.factors = factors;
    this.kept = kept;
    this.queryItems = queryItems;
  }

  static BenchScenario generate(int users, int factors, int items, int queries, double heldOutShare, long seed) {
    Random random = new Random(seed);
    float[] userVectors = gaussian(random, Math.multiplyExact(users, factors), factors);
    float[] itemVectors = gaussian(random, items * factors, factors);
    BitSet kept = new BitSet(users);
    for (int u = 0; u < users; u++) {
      kept.set(u, random.nextDouble() >= heldOutShare);
    }
    int[] queryItems = random.ints(queries, 0, items).toArray();
    return new BenchScenario(ids("u", users), userVectors, ids("i", items), itemVectors, factors, kept, queryItems);
  }

  int users() {
    return userIds.length;
  }

  double heldOutPercent() {
    return 100.0 * (users() - kept.cardinality()) / users();
  }

  /** Writes the model, datasets, input and declarations under {@code work}. */
  void write(Path work) throws IOException {
    Path model = work.resolve("model");
    BinaryFactorFiles.write(model.resolve("user-factors" + BinaryFactorFiles.SUFFIX).toString(), userIds, userVectors,
        factors);
    BinaryFactorFiles.write(model.resolve("item-factors" + BinaryFactorFiles.SUFFIX).toString(), itemIds, itemVectors,
        factors);
    Path datasets = Files.createDirectories(work.resolve("datasets"));
    writeUsers(datasets);
    Path input = Files.createDirectories(work.resolve("input"));
    List<String> lines = new ArrayList<>();
    for (int item : queryItems) {
      lines.add("{\"itemId\": \"" + itemIds[item] + "\"}");
    }
    Files.write(input.resolve("queries.json"), lines);
    declare(work.resolve("solution-versions"), "{\"solutionVersionArn\": \"" + VERSION + "\", \"recipeArn\": "
        + "\"arn:aws:personalize:::recipe/aws-item-affinity\", \"model\": {\"type\": \"latent-factors\", "
        + "\"userFactors\": \"../model/user-factors.sbf\", \"itemFactors\": \"../model/item-factors.sbf\"}}");
    declare(work.resolve("dataset-groups"), "{\"datasetGroupArn\": \"" + GROUP + "\", \"datasets\": {\"users\": "
        + "{\"dataLocation\": \"../datasets/users.csv\", \"schemaLocation\": \"../datasets/users-schema.json\"}}}");
    declare(work.resolve("filters"), "{\"filterArn\": \"" + FILTER + "\", \"datasetGroupArn\": \"" + GROUP + "\", "
        + "\"filterExpression\": \"EXCLUDE UserID WHERE Users.SEGMENT IN (\\\"held-out\\\")\"}");
  }

  /**
   * The Users dataset: the filter's SEGMENT, and an AGE and a PLAN (one or two of 14 values) that
   * lean on the user's first two factors, so that segments differ from the user base as real ones
   * do (what the report charts).
   */
  private void writeUsers(Path datasets) throws IOException {
    Random random = new Random(userIds.length);
    try (Writer csv = Files.newBufferedWriter(datasets.resolve("users.csv"), StandardCharsets.UTF_8)) {
      csv.write("USER_ID,SEGMENT,AGE,PLAN\n");
      for (int u = 0; u < userIds.length; u++) {
        float first = userVectors[u * factors];
        float second = userVectors[u * factors + Math.min(1, factors - 1)];
        int age = (int) Math.max(18, Math.min(80, 45 + 12 * first + 8 * random.nextGaussian()));
        String plan = PLANS[Math.floorMod(Math.round(3 * second + 2 * random.nextGaussian()), PLANS.length)];
        if (random.nextInt(10) == 0) {
          plan += "|" + PLANS[random.nextInt(PLANS.length)];
        }
        csv.write(userIds[u] + (kept.get(u) ? ",kept," : ",held-out,") + age + "," + plan + "\n");
      }
    }
    Files.writeString(datasets.resolve("users-schema.json"), "{\"type\": \"record\", \"name\": \"Users\", "
        + "\"namespace\": \"com.amazonaws.personalize.schema\", \"fields\": [{\"name\": \"USER_ID\", \"type\": "
        + "\"string\"}, {\"name\": \"SEGMENT\", \"type\": \"string\", \"categorical\": true}, {\"name\": \"AGE\", "
        + "\"type\": \"int\"}, {\"name\": \"PLAN\", \"type\": \"string\", \"categorical\": true}], "
        + "\"version\": \"1.0\"}\n");
  }

  private static void declare(Path folder, String json) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("bench.json"), json + "\n");
  }

  /** Ids that sort in index order: a prefix and a zero-padded number. */
  private static String[] ids(String prefix, int count) {
    String format = prefix + "%0" + String.valueOf(Math.max(1, count - 1)).length() + "d";
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = String.format(Locale.ROOT, format, i);
    }
    return ids;
  }

  private static float[] gaussian(Random random, int size, int dimensions) {
    float[] values = new float[size];
    float scale = (float) (1 / Math.sqrt(dimensions));
    for (int i = 0; i < size; i++) {
      values[i] = (float) random.nextGaussian() * scale;
    }
    return values;
  }
}
