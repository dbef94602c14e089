package io.segmentbeam.training;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.segmentbeam.interactions.InteractionMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImplicitAlsTest {
  private static final int USERS = 200;
  private static final int ITEMS = 40;

  /** Users 0-99 use items 0-18, users 100-199 items 20-38, eight events each, each event twice. */
  private static InteractionMatrix twoGroups() {
    InteractionMatrix.Builder builder = new InteractionMatrix.Builder();
    SplittableRandom random = new SplittableRandom(7);
    for (int user = 0; user < USERS; user++) {
      int base = user < USERS / 2 ? 0 : ITEMS / 2;
      for (int e = 0; e < 8; e++) {
        int item = base + random.nextInt(ITEMS / 2 - 1);
        builder.add(user, item, 1f);
        builder.add(user, item, 1f);
      }
    }
    return builder.build(USERS, ITEMS);
  }

  @Test
  void builderSumsRepeatedPairsAndBothViewsAgree() {
    InteractionMatrix.Builder builder = new InteractionMatrix.Builder();
    builder.add(1, 2, 1f);
    builder.add(0, 1, 2f);
    builder.add(1, 2, 3f);
    InteractionMatrix matrix = builder.build(2, 3);
    assertThat(matrix.nonZeros(), equalTo(2));
    InteractionMatrix.Rows byUser = matrix.byUser();
    assertThat(byUser.weights()[byUser.start()[1]], equalTo(4f));
    InteractionMatrix.Rows byItem = matrix.byItem();
    assertThat(byItem.columns()[byItem.start()[2]], equalTo(1));
    assertThat(byItem.weights()[byItem.start()[1]], equalTo(2f));
  }

  @Test
  void lossNeverRisesAndGroupsAreLearned() {
    List<Double> losses = new ArrayList<>();
    ImplicitAls.Factors factors = new ImplicitAls(new ImplicitAls.Settings(4, 8, 0.1, 5, 1, 2))
        .train(twoGroups(), (iteration, iterations, loss, millis) -> losses.add(loss));
    for (int i = 1; i < losses.size(); i++) {
      assertThat(losses.get(i), lessThanOrEqualTo(losses.get(i - 1) + 1e-9));
    }
    // The own group's items a user never used score well above the other group's items, on average.
    InteractionMatrix.Rows byUser = twoGroups().byUser();
    for (int user = 0; user < USERS; user++) {
      int ownBase = user < USERS / 2 ? 0 : ITEMS / 2;
      int otherBase = ITEMS / 2 - ownBase;
      double ownSum = 0;
      int ownCount = 0;
      for (int item = ownBase; item < ownBase + ITEMS / 2 - 1; item++) {
        if (!used(byUser, user, item)) {
          ownSum += score(factors, user, item);
          ownCount++;
        }
      }
      double otherSum = 0;
      for (int other = otherBase; other < otherBase + ITEMS / 2; other++) {
        otherSum += score(factors, user, other);
      }
      assertThat("user " + user, ownSum / ownCount, greaterThan(2 * otherSum / (ITEMS / 2.0) + 0.1));
    }
  }

  private static boolean used(InteractionMatrix.Rows rows, int user, int item) {
    for (int k = rows.start()[user]; k < rows.start()[user + 1]; k++) {
      if (rows.columns()[k] == item) {
        return true;
      }
    }
    return false;
  }

  @Test
  void sameSeedGivesBitIdenticalFactorsOnAnyNumberOfThreads() {
    InteractionMatrix matrix = twoGroups();
    ImplicitAls.Factors one = new ImplicitAls(new ImplicitAls.Settings(6, 3, 0.1, 5, 9, 1)).train(matrix, (a, b, c, d) -> { });
    ImplicitAls.Factors two = new ImplicitAls(new ImplicitAls.Settings(6, 3, 0.1, 5, 9, 2)).train(matrix, (a, b, c, d) -> { });
    ImplicitAls.Factors other = new ImplicitAls(new ImplicitAls.Settings(6, 3, 0.1, 5, 10, 2)).train(matrix, (a, b, c, d) -> { });
    assertThat(two.users(), equalTo(one.users()));
    assertThat(two.items(), equalTo(one.items()));
    assertThat(other.users(), not(equalTo(one.users())));
  }

  @Test
  void settingsOutOfRangeNameTheSetting() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> new ImplicitAls.Settings(0, 1, 0, 0, 1, 1))
        .getMessage(), equalTo("factors must be 1 to 1000, got 0"));
    assertThat(assertThrows(IllegalArgumentException.class, () -> new ImplicitAls.Settings(4, 1, -1, 0, 1, 1))
        .getMessage(), equalTo("regularization must be 0 or more, got -1.0"));
  }

  private static double score(ImplicitAls.Factors factors, int user, int item) {
    double sum = 0;
    for (int f = 0; f < factors.factors(); f++) {
      sum += factors.users()[user * factors.factors() + f] * factors.items()[item * factors.factors() + f];
    }
    return sum;
  }
}
