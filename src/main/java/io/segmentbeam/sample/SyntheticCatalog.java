package io.segmentbeam.sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The items of a generated world: each has one to three genres, a category, a price and a
 * popularity weight (Zipf-like, so a few items draw most interactions). For each genre it keeps
 * a cumulative popularity table of the items in that genre, so that drawing an item of a genre
 * takes a binary search.
 */
final class SyntheticCatalog {
  static final List<String> GENRES = List.of("Action", "Adventure", "Animation", "Comedy", "Crime",
      "Documentary", "Drama", "Fantasy", "Horror", "Romance", "Sci-Fi", "Thriller");
  static final List<String> CATEGORIES = List.of("movies", "series", "books", "games", "music");

  /** How strongly popularity falls with rank: weight = 1 / (rank + 1)^SKEW. */
  private static final double POPULARITY_SKEW = 0.9;

  final int size;
  final int[][] genres;
  final int[] category;
  /** Prices in cents, so that they print the same everywhere. */
  final int[] priceCents;
  private final double[] popularity;
  private final double[] cumulativePopularity;
  private final int[][] itemsOfGenre;
  private final double[][] cumulativeOfGenre;

  SyntheticCatalog(int size, double[] genreWeights, SplittableRandom random) {
    this.size = size;
    genres = new int[size][];
    category = new int[size];
    priceCents = new int[size];
    popularity = new double[size];
    int[] rank = permutation(size, random);
    for (int item = 0; item < size; item++) {
      genres[item] = drawGenres(genreWeights, random);
      // A genre has a usual category (Documentary -> series, ...), so that CATEGORY means something.
      category[item] = random.nextDouble() < 0.7 ? genres[item][0] % CATEGORIES.size()
          : random.nextInt(CATEGORIES.size());
      priceCents[item] = (int) Math.round(StrictMath.exp(2.3 + 0.6 * Gaussian.next(random)) * 100);
      popularity[item] = 1.0 / StrictMath.pow(rank[item] + 1, POPULARITY_SKEW);
    }
    cumulativePopularity = cumulative(popularity);
    itemsOfGenre = new int[GENRES.size()][];
    cumulativeOfGenre = new double[GENRES.size()][];
    for (int genre = 0; genre < GENRES.size(); genre++) {
      List<Integer> members = new ArrayList<>();
      for (int item = 0; item < size; item++) {
        if (contains(genres[item], genre)) {
          members.add(item);
        }
      }
      itemsOfGenre[genre] = members.stream().mapToInt(Integer::intValue).toArray();
      double[] weights = new double[members.size()];
      for (int m = 0; m < weights.length; m++) {
        weights[m] = popularity[itemsOfGenre[genre][m]];
      }
      cumulativeOfGenre[genre] = cumulative(weights);
    }
  }

  /** An item of {@code genre} drawn by popularity, or any item by popularity if none has the genre. */
  int drawFromGenre(int genre, SplittableRandom random) {
    int[] members = itemsOfGenre[genre];
    return members.length == 0 ? drawAny(random) : members[draw(cumulativeOfGenre[genre], random)];
  }

  /** Any item, drawn by popularity. */
  int drawAny(SplittableRandom random) {
    return draw(cumulativePopularity, random);
  }

  /** Each genre's share of the item: 1/n for each of its n genres, 0 for the others. */
  float[] genreShares(int item) {
    float[] shares = new float[GENRES.size()];
    for (int genre : genres[item]) {
      shares[genre] = 1f / genres[item].length;
    }
    return shares;
  }

  static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  /** Index drawn with probability proportional to the weights the cumulative table was made of. */
  static int draw(double[] cumulative, SplittableRandom random) {
    double target = random.nextDouble() * cumulative[cumulative.length - 1];
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > target) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  static double[] cumulative(double[] weights) {
    double[] cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      cumulative[i] = sum;
    }
    return cumulative;
  }

  private static int[] drawGenres(double[] genreWeights, SplittableRandom random) {
    double roll = random.nextDouble();
    int count = roll < 0.5 ? 1 : roll < 0.85 ? 2 : 3;
    double[] cumulative = cumulative(genreWeights);
    int[] drawn = new int[count];
    int found = 0;
    while (found < count) {
      int genre = draw(cumulative, random);
      if (!contains(Arrays.copyOf(drawn, found), genre)) {
        drawn[found++] = genre;
      }
    }
    return drawn;
  }

  private static int[] permutation(int size, SplittableRandom random) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    return order;
  }
}
