package io.segmentbeam.jobs;

import io.segmentbeam.api.ApiRules;
import io.segmentbeam.api.CreateDatasetGroupRequest;
import io.segmentbeam.api.CreateDatasetGroupResponse;
import io.segmentbeam.api.CreateDatasetRequest;
import io.segmentbeam.api.CreateDatasetResponse;
import io.segmentbeam.api.CreateEventTrackerRequest;
import io.segmentbeam.api.CreateEventTrackerResponse;
import io.segmentbeam.api.CreateSchemaRequest;
import io.segmentbeam.api.CreateSchemaResponse;
import io.segmentbeam.api.Dataset;
import io.segmentbeam.api.DatasetGroupResource;
import io.segmentbeam.api.DatasetLocation;
import io.segmentbeam.api.DescribeDatasetGroupRequest;
import io.segmentbeam.api.DescribeDatasetRequest;
import io.segmentbeam.api.DescribeEventTrackerRequest;
import io.segmentbeam.api.DescribeSchemaRequest;
import io.segmentbeam.api.ListDatasetGroupsRequest;
import io.segmentbeam.api.ListDatasetGroupsResponse;
import io.segmentbeam.api.ListDatasetsRequest;
import io.segmentbeam.api.ListDatasetsResponse;
import io.segmentbeam.api.ListEventTrackersRequest;
import io.segmentbeam.api.ListEventTrackersResponse;
import io.segmentbeam.api.ListSchemasRequest;
import io.segmentbeam.api.ListSchemasResponse;
import io.segmentbeam.api.EventTracker;
import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.ResourceAlreadyExistsException;
import io.segmentbeam.api.ResourceNotFoundException;
import io.segmentbeam.api.SchemaResource;
import io.segmentbeam.api.TrainingDatasets;
import io.segmentbeam.dataset.DatasetException;
import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.dataset.DatasetVersions;
import io.segmentbeam.dataset.RecordOrigin;
import io.segmentbeam.registry.DatasetGroup;
import io.segmentbeam.registry.DatasetGroupRegistry;
import io.segmentbeam.registry.DatasetGroups;
import io.segmentbeam.store.ArnScope;
import io.segmentbeam.store.ResourceTags;
import io.segmentbeam.store.Documents;
import io.segmentbeam.store.JobStore;
import io.segmentbeam.store.Resources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Schemas, dataset groups, datasets and event trackers made with CreateSchema, CreateDatasetGroup,
 * CreateDataset and CreateEventTracker, kept in the store; and, for everything that reads datasets
 * (training, filters, import, export, put), where a dataset's schema and current records are.
 * Dataset groups declared in {@code pipelines/dataset-groups/} are found here too; their datasets
 * are the files they name, which import and put do not change.
 */
public final class DatasetService implements DatasetGroups {
  private final ArnScope scope;
  private final Documents home;
  private final DatasetGroupRegistry declared;
  private final Resources<SchemaResource> schemas;
  private final Resources<DatasetGroupResource> groups;
  private final Resources<Dataset> datasets;
  private final Resources<EventTracker> trackers;
  private final ResourceTags tags;

  public DatasetService(Documents home, ArnScope scope, DatasetGroupRegistry declared) {
    this.scope = scope;
    this.tags = new ResourceTags(home, scope);
    this.home = home;
    this.declared = declared;
    this.schemas = new Resources<>(home, scope, "schema", "schemaArn", SchemaResource.class, SchemaResource::name,
        SchemaResource::schemaArn, SchemaResource::creationDateTime);
    this.groups = new Resources<>(home, scope, "dataset-group", "datasetGroupArn", DatasetGroupResource.class,
        DatasetGroupResource::name, DatasetGroupResource::datasetGroupArn, DatasetGroupResource::creationDateTime);
    this.datasets = new Resources<>(home, scope, "dataset", "datasetArn", Dataset.class,
        dataset -> parse(dataset.datasetArn()).orElseThrow().key(), Dataset::datasetArn, Dataset::creationDateTime,
        arn -> parse(arn).map(DatasetRef::key));
    this.trackers = new Resources<>(home, scope, "event-tracker", "eventTrackerArn", EventTracker.class,
        EventTracker::name, EventTracker::eventTrackerArn, EventTracker::creationDateTime);
  }

  /**
   * A dataset with its schema and where its records are: the versions of a created dataset, or
   * the files a declared dataset group names (read-only, all of them BULK records).
   */
  public record StoredDataset(Dataset dataset, DatasetSchema schema, DatasetVersions versions,
      String declaredLocation) {

    /** The FileSystems pattern of the current records' files, or null when there are none yet. */
    public String recordsPattern() throws IOException {
      return declaredLocation != null ? DatasetReader.filePattern(declaredLocation)
          : versions.current().map(current -> current + "*.csv").orElse(null);
    }

    /** The origin every record has when it is not in its file's name: BULK for declared files. */
    public RecordOrigin originOfAll() {
      return declaredLocation != null ? RecordOrigin.BULK : null;
    }
  }

  public CreateSchemaResponse createSchema(CreateSchemaRequest request) {
    request.validate();
    checkFitsADatasetType(request.schema());
    String arn = schemas.arn(request.name());
    BigDecimal now = Timestamps.now();
    schemas.create(new SchemaResource(now, request.domain(), now, request.name(), request.schema(), arn));
    return new CreateSchemaResponse(arn);
  }

  public CreateDatasetGroupResponse createDatasetGroup(CreateDatasetGroupRequest request) {
    request.validate();
    String arn = groups.arn(request.name());
    if (declared.find(arn).isPresent()) {
      throw new ResourceAlreadyExistsException("A dataset-group with the name " + request.name()
          + " is already declared in the dataset group declarations.");
    }
    BigDecimal now = Timestamps.now();
    groups.create(new DatasetGroupResource(now, arn, request.domain(), null, request.kmsKeyArn(), now,
        request.name(), request.roleArn(), JobStatus.ACTIVE));
    tags.add(arn, request.tags());
    return new CreateDatasetGroupResponse(arn, request.domain());
  }

  public CreateDatasetResponse createDataset(CreateDatasetRequest request) {
    request.validate();
    DatasetType type = DatasetType.valueOf(request.datasetType().toUpperCase(Locale.ROOT));
    DatasetGroupResource group = createdGroup(request.datasetGroupArn());
    SchemaResource schema = schemas.get(request.schemaArn());
    DatasetSchema parsed;
    try {
      parsed = DatasetSchema.parse(type, schema.schema(), "schema " + schema.schemaArn());
    } catch (DatasetException e) {
      throw new InvalidInputException("The schema does not fit " + type.withArticle() + " dataset: "
          + e.getMessage());
    }
    DatasetRef ref = new DatasetRef(group.name(), type);
    String arn = ref.arn(scope);
    BigDecimal now = Timestamps.now();
    Dataset dataset = new Dataset(now, arn, group.datasetGroupArn(), type.recordName(), now, null, request.name(),
        schema.schemaArn(), JobStatus.ACTIVE, null);
    if (datasets.find(arn).isPresent()) {
      throw new ResourceAlreadyExistsException("The dataset group " + group.datasetGroupArn() + " already has a "
          + type.recordName() + " dataset: " + arn + ".");
    }
    try {
      versionsOf(ref).writeSchema(parsed.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the schema of dataset " + arn, e);
    }
    datasets.create(dataset);
    tags.add(arn, request.tags());
    return new CreateDatasetResponse(arn);
  }

  public Dataset describeDataset(DescribeDatasetRequest request) {
    request.validate();
    return stored(request.datasetArn(), "datasetArn").dataset();
  }

  public SchemaResource describeSchema(DescribeSchemaRequest request) {
    request.validate();
    return schemas.get(request.schemaArn());
  }

  public ListSchemasResponse listSchemas(ListSchemasRequest request) {
    request.validate();
    JobStore.Page<SchemaResource> page = schemas.list(request, "schemas", null, SchemaResource::schemaArn);
    return new ListSchemasResponse(page.items().stream().map(SchemaResource::summary).toList(), page.nextToken());
  }

  /** A created dataset group (declared ones are files, not resources, and are not described). */
  public DatasetGroupResource describeDatasetGroup(DescribeDatasetGroupRequest request) {
    request.validate();
    return groups.get(request.datasetGroupArn());
  }

  public ListDatasetGroupsResponse listDatasetGroups(ListDatasetGroupsRequest request) {
    request.validate();
    JobStore.Page<DatasetGroupResource> page =
        groups.list(request, "datasetGroups", null, DatasetGroupResource::datasetGroupArn);
    return new ListDatasetGroupsResponse(page.items().stream().map(DatasetGroupResource::summary).toList(),
        page.nextToken());
  }

  /** Created datasets, of one group when it is given. */
  public ListDatasetsResponse listDatasets(ListDatasetsRequest request) {
    request.validate();
    JobStore.Page<Dataset> page =
        datasets.list(request, "datasetGroupArn", request.datasetGroupArn(), Dataset::datasetGroupArn);
    return new ListDatasetsResponse(page.items().stream().map(Dataset::summary).toList(), page.nextToken());
  }

  public CreateEventTrackerResponse createEventTracker(CreateEventTrackerRequest request) {
    request.validate();
    DatasetGroupResource group = createdGroup(request.datasetGroupArn());
    String arn = trackers.arn(request.name());
    String trackingId = UUID.randomUUID().toString();
    BigDecimal now = Timestamps.now();
    trackers.create(new EventTracker(scope.accountId(), now, group.datasetGroupArn(), arn, now, request.name(),
        JobStatus.ACTIVE, trackingId));
    tags.add(arn, request.tags());
    return new CreateEventTrackerResponse(arn, trackingId);
  }

  public EventTracker describeEventTracker(DescribeEventTrackerRequest request) {
    request.validate();
    return trackers.get(request.eventTrackerArn());
  }

  public ListEventTrackersResponse listEventTrackers(ListEventTrackersRequest request) {
    request.validate();
    JobStore.Page<EventTracker> page =
        trackers.list(request, "datasetGroupArn", request.datasetGroupArn(), EventTracker::datasetGroupArn);
    return new ListEventTrackersResponse(page.items().stream().map(EventTracker::summary).toList(), page.nextToken());
  }

  /** A created or declared dataset, or the ResourceNotFoundException naming {@code field}. */
  public StoredDataset stored(String datasetArn, String field) {
    Optional<Dataset> created = datasets.find(datasetArn);
    if (created.isEmpty()) {
      return declaredDataset(datasetArn).orElseThrow(() -> new ResourceNotFoundException("Could not find " + field
          + " " + datasetArn + ": no dataset with that ARN was created or declared."));
    }
    DatasetVersions versions = versionsOf(parse(datasetArn).orElseThrow());
    try {
      return new StoredDataset(created.get(), DatasetSchema.read(typeOf(created.get()), versions.schemaLocation()),
          versions, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the schema of dataset " + datasetArn, e);
    }
  }

  /** A created dataset, which imports and puts may change; a declared one is an InvalidInputException. */
  public StoredDataset writable(String datasetArn, String field) {
    StoredDataset dataset = stored(datasetArn, field);
    if (dataset.declaredLocation() != null) {
      throw new InvalidInputException(field + " " + datasetArn + " is declared in the dataset group declarations, "
          + "which name its files: it is read-only. Create a dataset group and datasets to import into.");
    }
    return dataset;
  }

  /** A dataset of a group declared in {@code pipelines/dataset-groups/}: its files, as they are. */
  private Optional<StoredDataset> declaredDataset(String datasetArn) {
    Optional<DatasetRef> ref = parse(datasetArn);
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    String group = ref.get().group();
    DatasetType type = ref.get().type();
    // Declared groups name files for the three datasets segment models use; none of the others.
    return declared.find(scope.arn("dataset-group", group)).map(declaredGroup -> switch (type) {
      case INTERACTIONS -> declaredGroup.interactions();
      case USERS -> declaredGroup.users();
      case ITEMS -> declaredGroup.items();
      case ACTIONS, ACTION_INTERACTIONS -> null;
    }).map(files -> {
      try {
        Dataset dataset = new Dataset(null, datasetArn, scope.arn("dataset-group", group), type.recordName(), null,
            null, group + "-" + type.name().toLowerCase(Locale.ROOT), null, JobStatus.ACTIVE, null);
        return new StoredDataset(dataset, DatasetSchema.read(type, files.schemaLocation()), null,
            files.dataLocation());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the schema of dataset " + datasetArn, e);
      }
    });
  }

  /** The Interactions dataset PutEvents writes to for a tracking id. */
  public StoredDataset interactionsOfTracker(String trackingId) {
    EventTracker tracker = trackers.all(trackingId, EventTracker::trackingId).stream().findFirst()
        .orElseThrow(() -> new ResourceNotFoundException("Could not find trackingId " + trackingId
            + ": no event tracker has it."));
    String group = groups.keyOf(tracker.datasetGroupArn()).orElseThrow();
    return writable(new DatasetRef(group, DatasetType.INTERACTIONS).arn(scope),
        "the Interactions dataset of event tracker " + tracker.eventTrackerArn() + ",");
  }

  /** A declared group as declared; a created one with each dataset's current records. */
  @Override
  public Optional<DatasetGroup> find(String datasetGroupArn) {
    Optional<DatasetGroup> declaredGroup = declared.find(datasetGroupArn);
    if (declaredGroup.isPresent()) {
      return declaredGroup;
    }
    return groups.find(datasetGroupArn).map(group -> new DatasetGroup(group.datasetGroupArn(),
        currentFiles(group, DatasetType.INTERACTIONS), currentFiles(group, DatasetType.USERS),
        currentFiles(group, DatasetType.ITEMS)));
  }

  /** What training reads for a created or declared group: its datasets' current records. */
  public TrainingDatasets trainingDatasets(String datasetGroupArn) {
    DatasetGroup group = find(datasetGroupArn).orElseThrow(() -> new ResourceNotFoundException(
        "Could not find datasetGroupArn " + datasetGroupArn + "."));
    if (group.interactions() == null) {
      throw new InvalidInputException("The dataset group " + datasetGroupArn + " has no Interactions records yet: "
          + "create its Interactions dataset and import into it first.");
    }
    return new TrainingDatasets(location(group.interactions()), location(group.items()), location(group.users()));
  }

  private static DatasetLocation location(DatasetFiles files) {
    return files == null ? null : new DatasetLocation(files.dataLocation(), files.schemaLocation());
  }

  private DatasetFiles currentFiles(DatasetGroupResource group, DatasetType type) {
    DatasetRef ref = new DatasetRef(group.name(), type);
    String arn = ref.arn(scope);
    if (datasets.find(arn).isEmpty()) {
      return null;
    }
    DatasetVersions versions = versionsOf(ref);
    try {
      return versions.current().map(current -> new DatasetFiles(current, versions.schemaLocation())).orElse(null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the records of dataset " + arn, e);
    }
  }

  private DatasetGroupResource createdGroup(String datasetGroupArn) {
    if (declared.find(datasetGroupArn).isPresent()) {
      throw new InvalidInputException("The dataset group " + datasetGroupArn + " is declared in the dataset group "
          + "declarations, which name its files; create a dataset group to make datasets in it.");
    }
    return groups.get(datasetGroupArn);
  }

  /** Checks a schema fits at least one dataset type: the one its record name says, if any. */
  private static void checkFitsADatasetType(String json) {
    DatasetException first = null;
    for (DatasetType type : DatasetType.values()) {
      try {
        DatasetSchema.parse(type, json, "schema");
        return;
      } catch (DatasetException e) {
        if (first == null || json.contains("\"" + type.recordName() + "\"")) {
          first = e;
        }
      }
    }
    throw new InvalidInputException("The schema is not a Personalize dataset schema: " + first.getMessage());
  }

  private DatasetVersions versionsOf(DatasetRef ref) {
    return new DatasetVersions(home.folder("dataset-data").folder(scope.region()).folder(scope.accountId())
        .folder(ref.group()).folder(ref.type().name()));
  }

  private static DatasetType typeOf(Dataset dataset) {
    return DatasetType.valueOf(dataset.datasetType().toUpperCase(Locale.ROOT));
  }

  /** A dataset as its ARN names it: {@code arn:...:dataset/<group>/<TYPE>}. */
  private record DatasetRef(String group, DatasetType type) {
    String arn(ArnScope scope) {
      return scope.arn("dataset", group + "/" + type.name());
    }

    /** The dataset's key in the store: {@code <group>.<TYPE>}, dots being outside names. */
    String key() {
      return group + "." + type.name();
    }
  }

  /** The dataset an ARN of this scope names, if it is a dataset ARN with a valid group name and type. */
  private Optional<DatasetRef> parse(String datasetArn) {
    String prefix = scope.arn("dataset", "");
    if (!datasetArn.startsWith(prefix)) {
      return Optional.empty();
    }
    String[] parts = datasetArn.substring(prefix.length()).split("/", -1);
    if (parts.length != 2 || !ApiRules.NAME.accepts(parts[0])) {
      return Optional.empty();
    }
    return Arrays.stream(DatasetType.values()).filter(type -> type.name().equals(parts[1])).findFirst()
        .map(type -> new DatasetRef(parts[0], type));
  }
}
