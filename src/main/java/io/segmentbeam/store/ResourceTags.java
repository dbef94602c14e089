package io.segmentbeam.store;

import com.fasterxml.jackson.core.type.TypeReference;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.Tag;
import io.segmentbeam.api.TooManyTagsException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of resources: one document per tagged resource, {@code <home>/tags/<region>/<account>/
 * <resource>.json}, keyed by the part of the ARN after the account. Changes made in one JVM are
 * serialized; two processes tagging one resource at the same moment may lose one change.
 */
public final class ResourceTags {
  /** The most tags one resource carries, as in Personalize. */
  public static final int MAX_TAGS = 50;
  private static final TypeReference<List<Tag>> TAGS = new TypeReference<>() {};

  private final Documents folder;

  public ResourceTags(Documents home, ArnScope scope) {
    this.folder = home.folder("tags").folder(scope.region()).folder(scope.accountId());
  }

  /** A resource's tags, in the order their keys were first given; none if it was never tagged. */
  public synchronized List<Tag> get(String arn) {
    try {
      return folder.read(name(arn)).map(json -> {
        try {
          return ApiJson.mapper().readValue(json, TAGS);
        } catch (IOException e) {
          throw StoreFailures.cannotRead(folder, e);
        }
      }).orElse(List.of());
    } catch (IOException e) {
      throw StoreFailures.cannotRead(folder, e);
    }
  }

  /** Adds tags to a resource; a key it has already gets the new value. */
  public synchronized void add(String arn, List<Tag> tags) {
    if (tags == null || tags.isEmpty()) {
      return;
    }
    Map<String, Tag> byKey = byKey(get(arn));
    tags.forEach(tag -> byKey.put(tag.tagKey(), tag));
    if (byKey.size() > MAX_TAGS) {
      throw new TooManyTagsException("The resource " + arn + " would have " + byKey.size() + " tags; a resource "
          + "has at most " + MAX_TAGS + ".");
    }
    write(arn, byKey.values());
  }

  /** Removes the tags of these keys from a resource; keys it does not have are ignored, as in AWS. */
  public synchronized void remove(String arn, List<String> keys) {
    Map<String, Tag> byKey = byKey(get(arn));
    if (byKey.keySet().removeAll(keys)) {
      write(arn, byKey.values());
    }
  }

  private void write(String arn, Collection<Tag> tags) {
    try {
      if (tags.isEmpty()) {
        folder.delete(name(arn));
      } else {
        folder.replace(name(arn), ApiJson.write(new ArrayList<>(tags)).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw StoreFailures.cannotWrite(folder, e);
    }
  }

  private static Map<String, Tag> byKey(List<Tag> tags) {
    Map<String, Tag> byKey = new LinkedHashMap<>();
    tags.forEach(tag -> byKey.put(tag.tagKey(), tag));
    return byKey;
  }

  /** The document of a resource: its type and name, encoded to one safe file or key name. */
  private static String name(String arn) {
    String resource = arn.substring(arn.indexOf(':', arn.indexOf(":personalize:") + ":personalize:".length()) + 1);
    resource = resource.substring(resource.indexOf(':') + 1);
    return URLEncoder.encode(resource, StandardCharsets.UTF_8) + ".json";
  }
}
