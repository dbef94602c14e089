package io.segmentbeam.filter;

import io.segmentbeam.dataset.DatasetFiles;
import io.segmentbeam.dataset.DatasetReader;
import io.segmentbeam.dataset.DatasetSchema;
import io.segmentbeam.dataset.DatasetType;
import io.segmentbeam.dataset.SchemaField;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * What a filter reads about users, indexed like the model's users: for each Users field the
 * expression names, which users hold each value (strings) or each user's value (numbers); and
 * for each event type, which users have an event of it. Users the model does not know are left
 * out; users the datasets do not mention have no values.
 */
final class UserAttributes {
  private final int userCount;
  private final Map<String, Map<String, BitSet>> stringValues = new HashMap<>();
  private final Map<String, BitSet> stringPresent = new HashMap<>();
  private final Map<String, double[]> numbers = new HashMap<>();
  private final Map<String, BitSet> eventTypes = new HashMap<>();

  private UserAttributes(int userCount) {
    this.userCount = userCount;
  }

  /**
   * Reads the columns of {@code usersFields} from the Users dataset and, if {@code withEvents},
   * the event types of the Interactions dataset.
   */
  static UserAttributes read(ToIntFunction<String> userIndex, int userCount, DatasetFiles users, Set<String> usersFields,
      DatasetFiles interactions, boolean withEvents) throws IOException {
    UserAttributes attributes = new UserAttributes(userCount);
    if (!usersFields.isEmpty()) {
      attributes.readUsers(userIndex, users, usersFields);
    }
    if (withEvents) {
      attributes.readEvents(userIndex, interactions);
    }
    return attributes;
  }

  private void readUsers(ToIntFunction<String> userIndex, DatasetFiles files, Set<String> names) throws IOException {
    DatasetSchema schema = DatasetSchema.read(DatasetType.USERS, files.schemaLocation());
    int idColumn = schema.indexOf("USER_ID");
    List<SchemaField> fields = schema.fields().stream().filter(f -> names.contains(f.name())).toList();
    int[] columns = fields.stream().mapToInt(f -> schema.indexOf(f.name())).toArray();
    for (SchemaField field : fields) {
      if (field.type().isNumeric()) {
        double[] column = new double[userCount];
        Arrays.fill(column, Double.NaN);
        numbers.put(field.name(), column);
      } else {
        stringValues.put(field.name(), new HashMap<>());
        stringPresent.put(field.name(), new BitSet(userCount));
      }
    }
    DatasetReader.read(files.dataLocation(), schema, row -> {
      int user = userIndex.applyAsInt(row.text(idColumn));
      if (user < 0) {
        return;
      }
      for (int i = 0; i < columns.length; i++) {
        SchemaField field = fields.get(i);
        if (row.isNull(columns[i])) {
          continue;
        }
        if (field.type().isNumeric()) {
          numbers.get(field.name())[user] = row.doubleValue(columns[i]);
        } else {
          Map<String, BitSet> byValue = stringValues.get(field.name());
          for (String value : field.categorical() ? row.categories(columns[i]) : List.of(row.text(columns[i]))) {
            byValue.computeIfAbsent(value, v -> new BitSet(userCount)).set(user);
          }
          stringPresent.get(field.name()).set(user);
        }
      }
    });
  }

  private void readEvents(ToIntFunction<String> userIndex, DatasetFiles files) throws IOException {
    DatasetSchema schema = DatasetSchema.read(DatasetType.INTERACTIONS, files.schemaLocation());
    int idColumn = schema.indexOf("USER_ID");
    int typeColumn = schema.indexOf("EVENT_TYPE");
    DatasetReader.read(files.dataLocation(), schema, row -> {
      int user = userIndex.applyAsInt(row.text(idColumn));
      if (user >= 0 && !row.isNull(typeColumn)) {
        eventTypes.computeIfAbsent(row.text(typeColumn).toLowerCase(Locale.ROOT), t -> new BitSet(userCount)).set(user);
      }
    });
  }

  int userCount() {
    return userCount;
  }

  /** The users holding {@code value} in a string field (one of their values, if categorical). */
  BitSet usersWith(String field, String value) {
    return stringValues.get(field).getOrDefault(value, new BitSet());
  }

  /** The users with any value in a string field. */
  BitSet usersWithAnyValue(String field) {
    return stringPresent.get(field);
  }

  /** Each user's value of a numeric field, NaN where they have none. */
  double[] numbers(String field) {
    return numbers.get(field);
  }

  /** Event types in lower case, and the users with an event of each. */
  Map<String, BitSet> eventTypes() {
    return eventTypes;
  }
}
