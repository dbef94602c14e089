package io.segmentbeam.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.segmentbeam.api.ListRequest;
import io.segmentbeam.api.ResourceNotFoundException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One type of Personalize resource kept in the store, found by ARN the way every Describe
 * operation finds it and listed the way every List operation lists: newest first, optionally
 * narrowed to one parent ARN, in signed pages.
 *
 * @param <T> the resource's API shape, e.g. DatasetImportJob
 */
public final class Resources<T> {
  private final ArnScope scope;
  private final String resourceType;
  private final String arnField;
  private final JobStore<T> store;
  private final Function<T, String> arnOf;
  private final Function<String, Optional<String>> keyOfArn;

  /**
   * Resources whose ARN is {@code arn:...:<resourceType>/<name>}.
   *
   * @param arnField the request member that names one, e.g. {@code datasetImportJobArn}
   */
  public Resources(Documents home, ArnScope scope, String resourceType, String arnField, Class<T> type,
      Function<T, String> nameOf, Function<T, String> arnOf, Function<T, BigDecimal> createdOf) {
    this(home, scope, resourceType, arnField, type, nameOf, arnOf, createdOf, arn -> scope.nameOf(arn, resourceType));
  }

  /** Resources whose store key is not their name: {@code keyOf} gives it, {@code keyOfArn} finds it from an ARN. */
  public Resources(Documents home, ArnScope scope, String resourceType, String arnField, Class<T> type,
      Function<T, String> keyOf, Function<T, String> arnOf, Function<T, BigDecimal> createdOf,
      Function<String, Optional<String>> keyOfArn) {
    this.scope = scope;
    this.resourceType = resourceType;
    this.arnField = arnField;
    this.store = new JobStore<>(home, scope, resourceType, type, keyOf, createdOf);
    this.arnOf = arnOf;
    this.keyOfArn = keyOfArn;
  }

  /** The ARN of the resource of this type with this name. */
  public String arn(String name) {
    return scope.arn(resourceType, name);
  }

  /** Records a new resource; ResourceAlreadyExistsException when its name is taken. */
  public void create(T resource) {
    store.create(resource);
  }

  public void update(T resource) {
    store.update(resource);
  }

  /** The store key (for most resources, the name) an ARN of this scope and type names, if it is one. */
  public Optional<String> keyOf(String arn) {
    return keyOfArn.apply(arn);
  }

  public Optional<T> find(String arn) {
    return keyOfArn.apply(arn).flatMap(store::find).filter(resource -> arnOf.apply(resource).equals(arn));
  }

  /** The resource with this ARN, or the ResourceNotFoundException Describe answers with. */
  public T get(String arn) {
    return find(arn).orElseThrow(() -> new ResourceNotFoundException("Could not find " + arnField + " " + arn + "."));
  }

  /**
   * One page of the listing, narrowed to resources whose {@code parentOf} is {@code parentArn}
   * when that is given. The request must have been validated.
   */
  public JobStore.Page<T> list(ListRequest request, String parentField, String parentArn,
      Function<T, String> parentOf) {
    return store.list(resource -> parentArn == null || parentArn.equals(parentOf.apply(resource)),
        JsonNodeFactory.instance.objectNode().put(parentField, parentArn), request.effectiveMaxResults(),
        request.nextToken());
  }

  /** Every resource that passes {@code filter}, newest first. */
  public List<T> matching(Predicate<T> filter) {
    return store.list(filter, JsonNodeFactory.instance.objectNode(), Integer.MAX_VALUE, null).items();
  }

  /** Every resource whose {@code parentOf} is {@code parentArn}, newest first. */
  public List<T> all(String parentArn, Function<T, String> parentOf) {
    return store.list(resource -> parentArn.equals(parentOf.apply(resource)), JsonNodeFactory.instance.objectNode(),
        Integer.MAX_VALUE, null).items();
  }
}
