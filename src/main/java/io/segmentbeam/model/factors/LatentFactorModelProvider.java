package io.segmentbeam.model.factors;

import io.segmentbeam.model.ModelSpec;
import io.segmentbeam.model.SegmentModel;
import io.segmentbeam.model.SegmentModelProvider;
import java.io.IOException;

/**
 * Model type {@code latent-factors}: settings {@code userFactors} and {@code itemFactors}, each a
 * factor file or folder (see {@link FactorFiles}). Both must have the same number of factors.
 */
public final class LatentFactorModelProvider implements SegmentModelProvider {

  @Override
  public String type() {
    return "latent-factors";
  }

  /** Shards when the user vectors are in a compact (.sbf) file and exceed the budget; else whole. */
  @Override
  public int userShards(ModelSpec spec, long budgetBytes) throws IOException {
    String users = spec.settings().get("userFactors");
    if (budgetBytes <= 0 || users == null || !users.endsWith(BinaryFactorFiles.SUFFIX)) {
      return 1;
    }
    long bytes = BinaryFactorFiles.header(spec.location("userFactors")).vectorBytes();
    return (int) Math.max(1, (bytes + budgetBytes - 1) / budgetBytes);
  }

  /**
   * Compact (.sbf) files are checked by their headers alone, so a launcher can submit a model far
   * larger than its heap; a JSON-lines file can only be checked by reading it.
   */
  @Override
  public void check(ModelSpec spec) throws IOException {
    String usersLocation = spec.location("userFactors");
    String itemsLocation = spec.location("itemFactors");
    if (!usersLocation.endsWith(BinaryFactorFiles.SUFFIX)) {
      load(spec);
      return;
    }
    BinaryFactorFiles.Header users = BinaryFactorFiles.header(usersLocation);
    FactorTable items = FactorFiles.read(itemsLocation);
    if (users.rows() > 0 && items.size() > 0 && users.dimensions() != items.dimensions()) {
      throw new IOException("user factors in " + usersLocation + " have " + users.dimensions()
          + " values each, item factors in " + itemsLocation + " have " + items.dimensions());
    }
  }

  @Override
  public SegmentModel load(ModelSpec spec) throws IOException {
    String usersLocation = spec.location("userFactors");
    String itemsLocation = spec.location("itemFactors");
    FactorTable users = spec.settings().containsKey(ModelSpec.USER_SHARDS)
        ? FactorFiles.readShard(usersLocation, Integer.parseInt(spec.required(ModelSpec.USER_SHARD)),
            Integer.parseInt(spec.required(ModelSpec.USER_SHARDS)))
        : FactorFiles.read(usersLocation);
    FactorTable items = FactorFiles.read(itemsLocation);
    if (users.size() > 0 && items.size() > 0 && users.dimensions() != items.dimensions()) {
      throw new IOException("user factors in " + usersLocation + " have " + users.dimensions()
          + " values each, item factors in " + itemsLocation + " have " + items.dimensions());
    }
    return new LatentFactorModel(users, items);
  }

  /**
   * A model over vectors held in memory (a training's result, measured before it is written): ids
   * ascending, each with its row of {@code factors} values.
   */
  public static SegmentModel of(String[] userIds, float[] userVectors, String[] itemIds, float[] itemVectors,
      int factors) {
    return new LatentFactorModel(FactorTable.ofSorted(userIds, userVectors, factors),
        FactorTable.ofSorted(itemIds, itemVectors, factors));
  }
}
