package io.segmentbeam.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.InternalFailureException;
import io.segmentbeam.api.ResourceAlreadyExistsException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Job metadata kept as one JSON document per job, holding exactly the API's job shape, under
 * {@code <home>/<resource type>s/<region>/<account>/<job name>.json}, in a local folder or under an S3
 * prefix. Creates are atomic across
 * processes; updates replace the whole document atomically; listings are newest first.
 *
 * @param <T> the job shape, e.g. BatchSegmentJob
 */
public final class JobStore<T> {
  private final Documents directory;
  private final String resourceType;
  private final Class<T> type;
  private final Function<T, String> nameOf;
  private final Function<T, BigDecimal> createdOf;
  private final PageTokens tokens;

  public JobStore(Documents home, ArnScope scope, String resourceType, Class<T> type, Function<T, String> nameOf,
      Function<T, BigDecimal> createdOf) {
    this.directory = home.folder(resourceType + "s").folder(scope.region()).folder(scope.accountId());
    this.resourceType = resourceType;
    this.type = type;
    this.nameOf = nameOf;
    this.createdOf = createdOf;
    this.tokens = PageTokens.forStore(home);
  }

  /** Records a new job; exactly one of any number of concurrent creates of a name succeeds. */
  public void create(T job) {
    String name = nameOf.apply(job);
    try {
      directory.create(fileOf(name), bytes(job));
    } catch (FileAlreadyExistsException e) {
      throw new ResourceAlreadyExistsException(
          "A " + resourceType + " with the name " + name + " already exists.");
    } catch (IOException e) {
      throw StoreFailures.cannotWrite(directory, e);
    }
  }

  /** Replaces the stored document of an existing job. */
  public void update(T job) {
    String name = nameOf.apply(job);
    try {
      directory.replace(fileOf(name), bytes(job));
    } catch (IOException e) {
      throw StoreFailures.cannotWrite(directory, e);
    }
  }

  public Optional<T> find(String name) {
    try {
      Optional<byte[]> content = directory.read(fileOf(name));
      return content.isEmpty() ? Optional.empty() : Optional.of(parse(content.get()));
    } catch (IOException e) {
      throw StoreFailures.cannotRead(directory, e);
    }
  }

  /**
   * One page of the jobs that pass {@code filter}, newest first (ties by name). {@code query}
   * identifies the filter inside page tokens, so a token only continues the listing it came from.
   */
  public Page<T> list(Predicate<T> filter, JsonNode query, int maxResults, String nextToken) {
    List<T> matching = readAll().filter(filter).sorted(Comparator.comparing(this::keyOf, ListKey.ORDER)).toList();
    int start = 0;
    if (nextToken != null) {
      ListKey last = ListKey.fromJson(tokens.redeem(nextToken, query));
      while (start < matching.size() && ListKey.ORDER.compare(keyOf(matching.get(start)), last) <= 0) {
        start++;
      }
    }
    int end = Math.min(matching.size(), start + maxResults);
    List<T> page = List.copyOf(matching.subList(start, end));
    String token = end < matching.size() ? tokens.issue(query, keyOf(page.get(page.size() - 1)).toJson()) : null;
    return new Page<>(page, token);
  }

  /** A page of a listing and the token for the next one, null on the last page. */
  public record Page<T>(List<T> items, String nextToken) {}

  /** A job's place in a listing: newest first, then by name. */
  private record ListKey(BigDecimal created, String name) {
    static final Comparator<ListKey> ORDER =
        Comparator.comparing(ListKey::created, Comparator.reverseOrder()).thenComparing(ListKey::name);

    JsonNode toJson() {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("created", created);
      node.put("name", name);
      return node;
    }

    static ListKey fromJson(JsonNode node) {
      return new ListKey(node.path("created").decimalValue(), node.path("name").asText());
    }
  }

  private ListKey keyOf(T job) {
    return new ListKey(createdOf.apply(job), nameOf.apply(job));
  }

  private Stream<T> readAll() {
    try {
      List<T> jobs = new ArrayList<>();
      for (String file : directory.names(".json")) {
        // A document removed by hand between listing and reading is skipped, not an error.
        directory.read(file).map(this::parseUnchecked).ifPresent(jobs::add);
      }
      return jobs.stream();
    } catch (IOException e) {
      throw StoreFailures.cannotRead(directory, e);
    }
  }

  private static String fileOf(String name) {
    return name + ".json";
  }

  private T parse(byte[] content) throws IOException {
    return ApiJson.mapper().readValue(content, type);
  }

  private T parseUnchecked(byte[] content) {
    try {
      return parse(content);
    } catch (IOException e) {
      throw new InternalFailureException("The job store at " + directory.location() + " holds a " + resourceType
          + " document that is not valid: " + e.getMessage());
    }
  }

  private static byte[] bytes(Object job) {
    return (ApiJson.write(job) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
