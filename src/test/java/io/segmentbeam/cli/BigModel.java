package io.segmentbeam.cli;

import io.segmentbeam.model.factors.BinaryFactorFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A model too big for a small worker, on S3: 2,500,000 users x 32 factors (320 MB of user vectors,
 * which a whole model holds twice while scoring) and 200 items in compact files, its declaration,
 * and 64 Item-Affinity queries under {@code <prefix>input/}.
 */
final class BigModel {
  static final String VERSION = "arn:aws:personalize:us-east-1:123456789012:solution/big/1";
  static final int USERS = 2_500_000;
  static final int FACTORS = 32;
  static final int ITEMS = 200;
  /** Shards of at most 16 MiB: twenty of them. */
  static final int SHARD_BYTES = 16 << 20;
  static final int SHARDS = 20;

  private BigModel() {}

  static void write(S3Client s3, String bucket, String prefix, Path declarations, Path scratch) throws IOException {
    Files.createDirectories(scratch);
    Random random = new Random(5);
    upload(s3, bucket, prefix + "users.sbf", randomFactors(scratch.resolve("users.sbf"), "u%07d", USERS, FACTORS,
        random));
    upload(s3, bucket, prefix + "items.sbf", randomFactors(scratch.resolve("items.sbf"), "i%03d", ITEMS, FACTORS,
        random));
    Files.writeString(declarations.resolve("big.json"), ("{\"solutionVersionArn\": \"%s\", \"recipeArn\": "
        + "\"arn:aws:personalize:::recipe/aws-item-affinity\", \"model\": {\"type\": \"latent-factors\", "
        + "\"userFactors\": \"s3://%s/%susers.sbf\", \"itemFactors\": \"s3://%s/%sitems.sbf\"}}")
        .formatted(VERSION, bucket, prefix, bucket, prefix));
    List<String> lines = new ArrayList<>();
    for (int q = 0; q < 64; q++) {
      lines.add(String.format(Locale.ROOT, "{\"itemId\": \"i%03d\"}", random.nextInt(ITEMS)));
    }
    s3.putObject(request -> request.bucket(bucket).key(prefix + "input/queries.json"),
        RequestBody.fromString(String.join("\n", lines) + "\n"));
  }

  /** A compact factor file of {@code count} rows of Gaussian factors, their ids {@code idFormat}ted row numbers. */
  static Path randomFactors(Path file, String idFormat, int count, int factors, Random random) throws IOException {
    String[] ids = new String[count];
    float[] vectors = new float[count * factors];
    for (int i = 0; i < count; i++) {
      ids[i] = String.format(Locale.ROOT, idFormat, i);
    }
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = (float) random.nextGaussian();
    }
    BinaryFactorFiles.write(file.toString(), ids, vectors, factors);
    return file;
  }

  private static void upload(S3Client s3, String bucket, String key, Path file) {
    s3.putObject(request -> request.bucket(bucket).key(key), RequestBody.fromFile(file));
  }
}
