package io.segmentbeam.sample;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.dataset.DatasetWriter;
import io.segmentbeam.dataset.FieldType;
import io.segmentbeam.dataset.SchemaField;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes a reproducible Personalize dataset group with its ground truth: the same settings give
 * byte-identical files.
 *
 * <p>Each user has hidden preferences over the genres; each item has one to three genres and a
 * popularity. A user's events are drawn from their preferences (pick a genre by preference, then an
 * item of that genre by popularity), with some events drawn by popularity alone. A user's true
 * affinity to an item is the dot product of their preference vector and the item's genre shares,
 * and both are written as ground truth in the factor-file format, so segment quality can be
 * measured.
 *
 * <p>Writes under the output folder:
 * <ul>
 *   <li>{@code datasets/users.csv}, {@code items.csv}, {@code interactions.csv} and each one's
 *       Avro schema ({@code *-schema.json});
 *   <li>{@code ground-truth/user-affinities.jsonl} (each user's affinity to each genre) and
 *       {@code ground-truth/item-genres.jsonl} (each item's genre shares);
 *   <li>{@code input/items-N.json} (Item-Affinity queries) and
 *       {@code input-attributes/attributes-1.json} (Item-Attribute-Affinity queries).
 * </ul>
 */
public final class SampleDataGenerator {

  /**
   * What to generate.
   *
   * @param interactionsPerUser the mean number of events per user; activity is skewed around it
   */
  public record Settings(long seed, int users, int items, int interactionsPerUser, int inputFiles,
      int linesPerFile) {

    public Settings {
      if (users < 1 || items < 1 || interactionsPerUser < 1 || inputFiles < 0 || linesPerFile < 1) {
        throw new IllegalArgumentException("users, items, interactions per user and lines per file must be at "
            + "least 1, input files at least 0");
      }
    }
  }

  static final List<String> MEMBERSHIPS = List.of("bronze", "silver", "gold", "platinum");
  private static final double[] MEMBERSHIP_SHARES = {0.60, 0.25, 0.12, 0.03};
  /** Higher tiers are more active, so that the most active users are not a random sample. */
  private static final double[] MEMBERSHIP_ACTIVITY = {0.8, 1.1, 1.6, 2.2};
  /** 2025-01-01T00:00:00Z; events spread over the following months. */
  private static final long FIRST_TIMESTAMP = 1_735_689_600L;
  private static final int FIRST_ITEM_ID = 100_001;
  /** Share of events drawn by popularity alone, whatever the user likes. */
  private static final double NOISE_EVENTS = 0.15;
  private static final int ATTRIBUTE_QUERIES = 10;

  /** The schemas of the datasets the generator writes. */
  public static final DatasetSchema USERS = DatasetSchema.of(DatasetType.USERS, List.of(
      new SchemaField("USER_ID", FieldType.STRING, false, false, false),
      new SchemaField("AGE", FieldType.INT, false, false, false),
      new SchemaField("MEMBERSHIP", FieldType.STRING, false, true, false)));
  public static final DatasetSchema ITEMS = DatasetSchema.of(DatasetType.ITEMS, List.of(
      new SchemaField("ITEM_ID", FieldType.STRING, false, false, false),
      new SchemaField("GENRES", FieldType.STRING, false, true, false),
      new SchemaField("CATEGORY", FieldType.STRING, false, true, false),
      new SchemaField("PRICE", FieldType.FLOAT, false, false, false),
      new SchemaField("DESCRIPTION", FieldType.STRING, true, false, true)));
  public static final DatasetSchema INTERACTIONS = DatasetSchema.of(DatasetType.INTERACTIONS, List.of(
      new SchemaField("USER_ID", FieldType.STRING, false, false, false),
      new SchemaField("ITEM_ID", FieldType.STRING, false, false, false),
      new SchemaField("EVENT_TYPE", FieldType.STRING, false, false, false),
      new SchemaField("EVENT_VALUE", FieldType.FLOAT, true, false, false),
      new SchemaField("TIMESTAMP", FieldType.LONG, false, false, false)));

  private final Settings settings;

  public SampleDataGenerator(Settings settings) {
    this.settings = settings;
  }

  public void writeTo(Path folder) throws IOException {
    SplittableRandom random = new SplittableRandom(settings.seed());
    double[] genreWeights = genreWeights();
    SyntheticCatalog catalog = new SyntheticCatalog(settings.items(), genreWeights, random.split());
    Path datasets = Files.createDirectories(folder.resolve("datasets"));
    Path truth = Files.createDirectories(folder.resolve("ground-truth"));
    writeSchema(datasets.resolve("users-schema.json"), USERS);
    writeSchema(datasets.resolve("items-schema.json"), ITEMS);
    writeSchema(datasets.resolve("interactions-schema.json"), INTERACTIONS);
    writeItems(catalog, datasets.resolve("items.csv"), truth.resolve("item-genres.jsonl"));
    writeUsersAndEvents(catalog, genreWeights, random.split(), datasets, truth.resolve("user-affinities.jsonl"));
    writeItemQueries(catalog, random.split(), Files.createDirectories(folder.resolve("input")));
    writeAttributeQueries(catalog, random.split(),
        Files.createDirectories(folder.resolve("input-attributes")).resolve("attributes-1.json"));
  }

  private static void writeSchema(Path file, DatasetSchema schema) throws IOException {
    Files.writeString(file, schema.toJson(), StandardCharsets.UTF_8);
  }

  private static String itemId(int item) {
    return Integer.toString(FIRST_ITEM_ID + item);
  }

  /** Genres are not equally liked: weight 1/(g+1)^0.6 in the catalog's order. */
  private static double[] genreWeights() {
    double[] weights = new double[SyntheticCatalog.GENRES.size()];
    for (int genre = 0; genre < weights.length; genre++) {
      weights[genre] = 1.0 / StrictMath.pow(genre + 1, 0.6);
    }
    return weights;
  }

  private void writeItems(SyntheticCatalog catalog, Path csv, Path genreShares) throws IOException {
    try (DatasetWriter items = DatasetWriter.create(csv, ITEMS);
        Writer shares = Files.newBufferedWriter(genreShares, StandardCharsets.UTF_8)) {
      for (int item = 0; item < catalog.size; item++) {
        List<String> genres = new ArrayList<>();
        for (int genre : catalog.genres[item]) {
          genres.add(SyntheticCatalog.GENRES.get(genre));
        }
        String category = SyntheticCatalog.CATEGORIES.get(catalog.category[item]);
        items.row(itemId(item), genres, category, price(catalog.priceCents[item]),
            String.join(" and ", genres) + " " + category + ", item " + itemId(item));
        float[] share = catalog.genreShares(item);
        int[] tenThousandths = new int[share.length];
        for (int g = 0; g < share.length; g++) {
          tenThousandths[g] = Math.round(share[g] * 10_000);
        }
        shares.write(FactorLine.of(itemId(item), tenThousandths));
      }
    }
  }

  private void writeUsersAndEvents(SyntheticCatalog catalog, double[] genreWeights, SplittableRandom random,
      Path datasets, Path affinities) throws IOException {
    double[] genreCumulative = SyntheticCatalog.cumulative(genreWeights);
    double[] membershipCumulative = SyntheticCatalog.cumulative(MEMBERSHIP_SHARES);
    try (DatasetWriter users = DatasetWriter.create(datasets.resolve("users.csv"), USERS);
        DatasetWriter events = DatasetWriter.create(datasets.resolve("interactions.csv"), INTERACTIONS);
        Writer truth = Files.newBufferedWriter(affinities, StandardCharsets.UTF_8)) {
      for (int user = 1; user <= settings.users(); user++) {
        // One stream per user: a user's data does not depend on how many numbers others used.
        SplittableRandom own = random.split();
        String userId = Integer.toString(user);
        int[] preference = preferences(genreCumulative, own);
        int membership = SyntheticCatalog.draw(membershipCumulative, own);
        users.row(userId, 18 + own.nextInt(58), List.of(MEMBERSHIPS.get(membership)));
        truth.write(FactorLine.of(userId, preference));
        writeEvents(catalog, userId, preference, membership, own, events);
      }
    }
  }

  /**
   * One to three favourite genres, drawn by how liked each genre is, weigh much more than the
   * rest. Shares sum to about 1 and are kept in ten-thousandths, exactly as the ground truth says.
   */
  private static int[] preferences(double[] genreCumulative, SplittableRandom random) {
    double[] raw = new double[genreCumulative.length];
    for (int genre = 0; genre < raw.length; genre++) {
      raw[genre] = 0.2 * random.nextDouble();
    }
    int favourites = 1 + random.nextInt(3);
    for (int f = 0; f < favourites; f++) {
      raw[SyntheticCatalog.draw(genreCumulative, random)] += 1 + random.nextDouble();
    }
    double sum = 0;
    for (double r : raw) {
      sum += r;
    }
    int[] tenThousandths = new int[raw.length];
    for (int genre = 0; genre < raw.length; genre++) {
      tenThousandths[genre] = (int) Math.round(raw[genre] / sum * 10_000);
    }
    return tenThousandths;
  }

  private void writeEvents(SyntheticCatalog catalog, String userId, int[] preference, int membership,
      SplittableRandom random, DatasetWriter events) throws IOException {
    double[] preferenceCumulative = new double[preference.length];
    int strongest = 0;
    for (int genre = 0; genre < preference.length; genre++) {
      preferenceCumulative[genre] = (genre == 0 ? 0 : preferenceCumulative[genre - 1]) + preference[genre];
      strongest = Math.max(strongest, preference[genre]);
    }
    // Log-normal activity around the mean (e^0.32 is the mean of e^(0.8 N)), scaled by tier.
    double activity = settings.interactionsPerUser() * StrictMath.exp(0.8 * Gaussian.next(random) - 0.32)
        * MEMBERSHIP_ACTIVITY[membership];
    int count = (int) Math.max(2, Math.min(10L * settings.interactionsPerUser(), Math.round(activity)));
    long timestamp = FIRST_TIMESTAMP + random.nextInt(150 * 86_400);
    for (int e = 0; e < count; e++) {
      int item = random.nextDouble() < NOISE_EVENTS ? catalog.drawAny(random)
          : catalog.drawFromGenre(SyntheticCatalog.draw(preferenceCumulative, random), random);
      timestamp += 60 + (long) (-86_400 * StrictMath.log(1.0 - random.nextDouble()));
      double roll = random.nextDouble();
      if (roll < 0.10) {
        // Ratings follow how much the user likes the item's genres, with noise.
        double relative = affinity(preference, catalog.genreShares(item)) / strongest;
        long stars = Math.max(1, Math.min(5, Math.round(1 + 4 * relative + 0.7 * Gaussian.next(random))));
        events.row(userId, itemId(item), "rating", (float) stars, timestamp);
      } else {
        events.row(userId, itemId(item), roll < 0.25 ? "purchase" : "click", null, timestamp);
      }
    }
  }

  private static BigDecimal price(int cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  private static double affinity(int[] preference, float[] shares) {
    double sum = 0;
    for (int genre = 0; genre < shares.length; genre++) {
      sum += preference[genre] * shares[genre];
    }
    return sum;
  }

  private void writeItemQueries(SyntheticCatalog catalog, SplittableRandom random, Path input) throws IOException {
    for (int file = 1; file <= settings.inputFiles(); file++) {
      StringBuilder lines = new StringBuilder();
      for (int line = 0; line < settings.linesPerFile(); line++) {
        lines.append("{\"itemId\": \"").append(itemId(random.nextInt(catalog.size))).append("\"}\n");
      }
      Files.writeString(input.resolve("items-" + file + ".json"), lines, StandardCharsets.UTF_8);
    }
  }

  /** Genre, genre-and-category, category and price queries, each built from an existing item. */
  private void writeAttributeQueries(SyntheticCatalog catalog, SplittableRandom random, Path file)
      throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int q = 0; q < ATTRIBUTE_QUERIES; q++) {
      int item = catalog.drawAny(random);
      String genre = "ITEMS.GENRES = \"" + SyntheticCatalog.GENRES.get(catalog.genres[item][0]) + "\"";
      String category = "ITEMS.CATEGORY = \"" + SyntheticCatalog.CATEGORIES.get(catalog.category[item]) + "\"";
      String expression = switch (q % 4) {
        case 0, 2 -> genre;
        case 1 -> genre + " AND " + category;
        default -> q == 3 ? "ITEMS.PRICE = " + price(catalog.priceCents[item]).toPlainString() : category;
      };
      lines.append("{\"itemAttributes\": \"")
          .append(JsonStringEncoder.getInstance().quoteAsString(expression)).append("\"}\n");
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8);
  }
}
