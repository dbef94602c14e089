package io.segmentbeam.store;

import io.segmentbeam.api.ApiRules;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The partition, region and account that this installation stands in for. Resource ARNs are
 * built in it, and an ARN from another scope names nothing here, as in another AWS region.
 */
public record ArnScope(String partition, String region, String accountId) {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  private static final Pattern PARTITION = Pattern.compile("[a-z\\d-]+");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  public ArnScope {
    require(PARTITION, partition, "partition");
    require(REGION, region, "region");
    require(ACCOUNT, accountId, "account id");
  }

  private static void require(Pattern pattern, String value, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("Invalid " + what + " '" + value + "': expected " + pattern.pattern());
    }
  }

  public String arn(String resourceType, String name) {
    return "arn:" + partition + ":personalize:" + region + ":" + accountId + ":" + resourceType + "/" + name;
  }

  /** The resource name of an ARN of this scope and type, if it is one and the name is a valid Name. */
  /** Whether an ARN names something in this scope's partition, region and account. */
  public boolean contains(String arn) {
    return arn.startsWith("arn:" + partition + ":personalize:" + region + ":" + accountId + ":");
  }

  public Optional<String> nameOf(String arn, String resourceType) {
    String prefix = arn(resourceType, "");
    if (!arn.startsWith(prefix)) {
      return Optional.empty();
    }
    String name = arn.substring(prefix.length());
    return ApiRules.NAME.accepts(name) ? Optional.of(name) : Optional.empty();
  }
}
