package io.segmentbeam.jobs;

import io.segmentbeam.api.CreateFilterRequest;
import io.segmentbeam.api.CreateFilterResponse;
import io.segmentbeam.api.DescribeFilterRequest;
import io.segmentbeam.api.Filter;
import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.ListFiltersRequest;
import io.segmentbeam.api.ListFiltersResponse;
import io.segmentbeam.api.ResourceAlreadyExistsException;
import io.segmentbeam.api.ResourceNotFoundException;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.filter.FilterExpression;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.filter.InvalidFilterException;
import io.segmentbeam.registry.DatasetGroup;
import io.segmentbeam.registry.DatasetGroups;
import io.segmentbeam.registry.FilterDeclarations;
import io.segmentbeam.store.ArnScope;
import io.segmentbeam.store.ResourceTags;
import io.segmentbeam.store.Documents;
import io.segmentbeam.store.JobStore;
import io.segmentbeam.store.Resources;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The filter operations: CreateFilter, DescribeFilter and ListFilters, with the API's validation
 * and errors; and, for a batch segment job, what its {@code filterArn} means. Filters declared in
 * {@code pipelines/filters/} are recorded in the store like created ones (and updated when their
 * declaration changes), so that describe, list and jobs treat both alike.
 */
public final class FilterService {
  static final String RESOURCE_TYPE = "filter";

  private final Resources<Filter> filters;
  private final DatasetGroups datasetGroups;
  private final ResourceTags tags;

  public FilterService(Documents home, ArnScope scope, DatasetGroups datasetGroups, FilterDeclarations declared) {
    this.filters = new Resources<>(home, scope, RESOURCE_TYPE, "filterArn", Filter.class, Filter::name,
        Filter::filterArn, Filter::creationDateTime);
    this.datasetGroups = datasetGroups;
    this.tags = new ResourceTags(home, scope);
    declared.filters().forEach(this::record);
  }

  public CreateFilterResponse create(CreateFilterRequest request) {
    request.validate();
    DatasetGroup group = datasetGroup(request.datasetGroupArn());
    try {
      parse(request.filterExpression(), group);
    } catch (InvalidFilterException e) {
      throw new InvalidInputException(e.getMessage());
    }
    String arn = filters.arn(request.name());
    BigDecimal now = Timestamps.now();
    filters.create(new Filter(now, request.datasetGroupArn(), null, arn, request.filterExpression(), now,
        request.name(), JobStatus.ACTIVE));
    tags.add(arn, request.tags());
    return new CreateFilterResponse(arn);
  }

  public Filter describe(DescribeFilterRequest request) {
    request.validate();
    return filters.get(request.filterArn());
  }

  public ListFiltersResponse list(ListFiltersRequest request) {
    request.validate();
    JobStore.Page<Filter> page =
        filters.list(request, "datasetGroupArn", request.datasetGroupArn(), Filter::datasetGroupArn);
    return new ListFiltersResponse(page.items().stream().map(Filter::summary).toList(), page.nextToken());
  }

  /**
   * What a job's {@code filterArn} means. An Interactions filter cannot serve an
   * Item-Attribute-Affinity job, as in Personalize.
   */
  public FilterSpec forJob(String filterArn, boolean itemAttributeAffinity) {
    Filter filter = filters.get(filterArn);
    if (!JobStatus.ACTIVE.equals(filter.status())) {
      throw new InvalidInputException("Filter " + filterArn + " is " + filter.status() + ", not ACTIVE: "
          + filter.failureReason());
    }
    DatasetGroup group = datasetGroup(filter.datasetGroupArn());
    FilterExpression expression;
    try {
      expression = parse(filter.filterExpression(), group);
    } catch (InvalidFilterException e) {
      throw new InvalidInputException("Filter " + filterArn + " no longer fits its datasets: " + e.getMessage());
    }
    if (itemAttributeAffinity && expression.usesInteractions()) {
      throw new InvalidInputException("Filter " + filterArn + " uses the Interactions dataset, which filters for "
          + "Item-Attribute-Affinity solution versions cannot use; filter on Users fields instead");
    }
    return new FilterSpec(filterArn, filter.filterExpression(), group.users(), group.interactions());
  }

  private DatasetGroup datasetGroup(String arn) {
    return datasetGroups.find(arn).orElseThrow(() -> new ResourceNotFoundException("Could not find datasetGroupArn "
        + arn + ": no dataset group with that ARN is declared or created."));
  }

  /** Keeps a declared filter in the store: recorded once, updated when its declaration changes. */
  private void record(FilterDeclarations.Declared declared) {
    Optional<String> name = filters.keyOf(declared.filterArn());
    if (name.isEmpty()) {
      return;
    }
    Optional<Filter> stored = filters.find(declared.filterArn());
    if (stored.isPresent() && Objects.equals(stored.get().filterExpression(), declared.filterExpression())
        && Objects.equals(stored.get().datasetGroupArn(), declared.datasetGroupArn())) {
      return;
    }
    String failure = null;
    try {
      parse(declared.filterExpression(), datasetGroup(declared.datasetGroupArn()));
    } catch (InvalidFilterException | RuntimeException e) {
      failure = e.getMessage();
    }
    BigDecimal now = Timestamps.now();
    Filter filter = new Filter(stored.map(Filter::creationDateTime).orElse(now), declared.datasetGroupArn(), failure,
        declared.filterArn(), declared.filterExpression(), now, name.get(),
        failure == null ? JobStatus.ACTIVE : JobStatus.CREATE_FAILED);
    if (stored.isPresent()) {
      filters.update(filter);
      return;
    }
    try {
      filters.create(filter);
    } catch (ResourceAlreadyExistsException recordedMeanwhile) {
      // Another process recorded the same declaration first.
    }
  }

  private static FilterExpression parse(String expression, DatasetGroup group) throws InvalidFilterException {
    return FilterExpression.parse(expression, schema(DatasetType.USERS, group.users()),
        schema(DatasetType.INTERACTIONS, group.interactions()));
  }

  private static DatasetSchema schema(DatasetType type, DatasetFiles files) {
    if (files == null) {
      return null;
    }
    try {
      return DatasetSchema.read(type, files.schemaLocation());
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidInputException("Cannot read the " + type + " schema of the dataset group at "
          + files.schemaLocation() + ": " + e.getMessage());
    }
  }
}
