package io.segmentbeam.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.api.PutEventsRequest;
import io.segmentbeam.api.PutItemsRequest;
import io.segmentbeam.api.PutUsersRequest;
import io.segmentbeam.api.ResourceInUseException;
import io.segmentbeam.dataset.DatasetException;
import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.dataset.DatasetVersions;
import io.segmentbeam.dataset.RecordOrigin;
import io.segmentbeam.dataset.SchemaField;
import io.segmentbeam.dataset.transfer.DatasetUpdate;
import io.segmentbeam.storage.JobStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * PutEvents, PutUsers and PutItems: records added one request at a time, which export jobs tell
 * apart from imported ones (ingestion mode PUT). Each record is checked against the dataset's
 * schema as an imported row would be, and a bad one refuses the whole request with an
 * InvalidInputException naming it. A user or item put again replaces its earlier record.
 *
 * <p>Properties map to schema fields by name, ignoring case and underscores, as Personalize maps
 * {@code "numberOfRatings"} to {@code NUMBER_OF_RATINGS}.
 */
public final class PutRecordsService {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Fields the request's own members set (normalized names), which properties may not. */
  private static final Set<String> SET_BY_MEMBERS =
      Set.of("USERID", "ITEMID", "TIMESTAMP", "EVENTTYPE", "EVENTVALUE");

  private final DatasetService datasets;

  public PutRecordsService(DatasetService datasets) {
    this.datasets = datasets;
  }

  public void putEvents(PutEventsRequest request, PipelineOptions options) {
    request.validate();
    DatasetService.StoredDataset target = datasets.interactionsOfTracker(request.trackingId());
    DatasetSchema schema = target.schema();
    List<String[]> records = new ArrayList<>();
    for (int i = 0; i < request.eventList().size(); i++) {
      PutEventsRequest.Event event = request.eventList().get(i);
      String field = "eventList." + (i + 1);
      String[] cells = cells(schema, field, event.properties());
      set(schema, cells, "USER_ID", request.userId());
      set(schema, cells, "ITEM_ID", event.itemId());
      set(schema, cells, "TIMESTAMP", Long.toString(event.sentAtEpochSeconds().orElseThrow()));
      set(schema, cells, "EVENT_TYPE", event.eventType());
      set(schema, cells, "EVENT_VALUE", event.eventValue() == null ? null : event.eventValue().toString());
      records.add(checked(schema, field, cells));
    }
    put(target, records, options);
  }

  public void putUsers(PutUsersRequest request, PipelineOptions options) {
    request.validate();
    putRecords(request.datasetArn(), DatasetType.USERS, "users", request.users(), PutUsersRequest.User::userId,
        PutUsersRequest.User::properties, options);
  }

  public void putItems(PutItemsRequest request, PipelineOptions options) {
    request.validate();
    putRecords(request.datasetArn(), DatasetType.ITEMS, "items", request.items(), PutItemsRequest.Item::itemId,
        PutItemsRequest.Item::properties, options);
  }

  /** Puts users or items: each one's id, and the fields its properties fill. */
  private <T> void putRecords(String datasetArn, DatasetType type, String field, List<T> given,
      Function<T, String> idOf, Function<T, String> propertiesOf, PipelineOptions options) {
    DatasetService.StoredDataset target = of(datasetArn, type);
    String idField = type == DatasetType.USERS ? "USER_ID" : "ITEM_ID";
    List<String[]> records = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String member = field + "." + (i + 1);
      String[] cells = cells(target.schema(), member, propertiesOf.apply(given.get(i)));
      set(target.schema(), cells, idField, idOf.apply(given.get(i)));
      records.add(checked(target.schema(), member, cells));
    }
    put(target, records, options);
  }

  private DatasetService.StoredDataset of(String datasetArn, DatasetType type) {
    DatasetService.StoredDataset target = datasets.writable(datasetArn, "datasetArn");
    if (target.schema().type() != type) {
      throw new InvalidInputException("datasetArn " + datasetArn + " is " + target.schema().type().withArticle()
          + " dataset; this operation puts " + type.recordName() + ".");
    }
    return target;
  }

  /** The cells a record's properties fill; a property the schema lacks, or its record fields, are refused. */
  private static String[] cells(DatasetSchema schema, String field, String properties) {
    String[] cells = new String[schema.fields().size()];
    if (properties == null) {
      return cells;
    }
    JsonNode object;
    try {
      object = JSON.readTree(properties);
    } catch (IOException e) {
      throw new InvalidInputException(field + ".properties is not JSON: " + e.getMessage());
    }
    if (object == null || !object.isObject()) {
      throw new InvalidInputException(field + ".properties must be a JSON object, e.g. {\"genres\": \"Action\"}");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> property = it.next();
      String key = normalized(property.getKey());
      int column = -1;
      for (int i = 0; i < cells.length; i++) {
        SchemaField schemaField = schema.fields().get(i);
        if (normalized(schemaField.name()).equals(key) && !SET_BY_MEMBERS.contains(key)) {
          column = i;
        }
      }
      if (column < 0) {
        throw new InvalidInputException(field + ".properties: \"" + property.getKey() + "\" is not a field of the "
            + schema.type().recordName() + " schema" + (SET_BY_MEMBERS.contains(key) ? " it may set" : "")
            + "; its fields are " + schema.header());
      }
      JsonNode value = property.getValue();
      cells[column] = value.isNull() ? null : value.isArray() ? join(value) : value.asText();
    }
    return cells;
  }

  private static String join(JsonNode values) {
    List<String> texts = new ArrayList<>();
    values.forEach(value -> texts.add(value.asText()));
    return String.join("|", texts);
  }

  private static String normalized(String name) {
    return name.replace("_", "").toUpperCase(Locale.ROOT);
  }

  private static void set(DatasetSchema schema, String[] cells, String name, String value) {
    int column = schema.indexOf(name);
    if (column >= 0) {
      cells[column] = value;
    }
  }

  private static String[] checked(DatasetSchema schema, String field, String[] cells) {
    try {
      DatasetReader.check(field, schema, cells);
      return cells;
    } catch (DatasetException e) {
      throw new InvalidInputException(e.getMessage());
    }
  }

  /** Writes a new version holding every stored record and the new ones, and makes it current. */
  private static void put(DatasetService.StoredDataset target, List<String[]> records, PipelineOptions options) {
    DatasetVersions versions = target.versions();
    String version = versions.newVersion("put");
    try {
      String current = versions.current().orElse(null);
      DatasetUpdate.run(JobStorage.of(options, null), new DatasetUpdate.Spec(target.schema(), current,
          Set.of(RecordOrigin.BULK, RecordOrigin.PUT), null, records, version));
      versions.commit(version, current);
    } catch (DatasetVersions.ConcurrentUpdateException e) {
      JobLocations.removeOrWarn(options, version);
      throw new ResourceInUseException("The records were not put into " + target.dataset().datasetArn() + ": "
          + "another import or put changed its records meanwhile (" + e.getMessage() + "). Send the request again.");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store the records in " + target.dataset().datasetArn(), e);
    }
  }
}
