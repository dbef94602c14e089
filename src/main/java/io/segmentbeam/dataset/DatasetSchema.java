package io.segmentbeam.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.beam.sdk.io.FileSystems;

/**
 * A Personalize dataset schema: a flat Avro record whose fields are primitives or unions of
 * {@code "null"} and one primitive, as Personalize's CreateSchema takes it:
 *
 * <pre>{@code
 * {"type": "record", "name": "Interactions", "namespace": "com.amazonaws.personalize.schema",
 *  "fields": [{"name": "USER_ID", "type": "string"}, ...], "version": "1.0"}
 * }</pre>
 *
 * Checked on top of Avro: the dataset type's required fields with their types and not nullable
 * (Interactions: USER_ID, ITEM_ID strings and TIMESTAMP long; Users: USER_ID; Items: ITEM_ID; see DatasetType);
 * {@code "categorical"} and {@code "textual"} only on strings, and not both; EVENT_TYPE a string
 * and EVENT_VALUE a float or double; Users and Items at least one field besides their id; field
 * names unique regardless of case. Serializable, so that pipelines carry it to workers.
 */
public final class DatasetSchema implements Serializable {
  private static final long serialVersionUID = 1L;
  public static final String NAMESPACE = "com.amazonaws.personalize.schema";
  private static final Pattern AVRO_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final DatasetType type;
  private final List<SchemaField> fields;

  private DatasetSchema(DatasetType type, List<SchemaField> fields) {
    this.type = type;
    this.fields = List.copyOf(fields);
  }

  /** A schema from its fields, checked by the same rules as a parsed one. */
  public static DatasetSchema of(DatasetType type, List<SchemaField> fields) {
    try {
      return checked(type, fields, type.recordName() + " schema");
    } catch (DatasetException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Reads the schema JSON at a local path or Beam FileSystems URI; errors start with the location. */
  public static DatasetSchema read(DatasetType type, String location) throws IOException {
    String json;
    try (InputStream in = Channels.newInputStream(
        FileSystems.open(FileSystems.matchSingleFileSpec(location).resourceId()))) {
      json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    return parse(type, json, location);
  }

  /** Parses schema JSON; {@code source} names it in errors. */
  public static DatasetSchema parse(DatasetType type, String json, String source) throws DatasetException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new DatasetException(source + ": not JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject() || !"record".equals(root.path("type").asText(null))) {
      throw new DatasetException(source + ": a dataset schema is an Avro record: {\"type\": \"record\", ...}");
    }
    if (!root.path("name").isTextual() || !AVRO_NAME.matcher(root.get("name").asText()).matches()) {
      throw new DatasetException(source + ": the record needs a \"name\" such as \"" + type.recordName() + "\"");
    }
    if (!root.path("fields").isArray() || root.get("fields").isEmpty()) {
      throw new DatasetException(source + ": \"fields\" must be a non-empty array");
    }
    List<SchemaField> fields = new ArrayList<>();
    for (JsonNode field : root.get("fields")) {
      fields.add(field(field, source));
    }
    return checked(type, fields, source);
  }

  private static SchemaField field(JsonNode field, String source) throws DatasetException {
    String name = field.path("name").asText(null);
    if (name == null || !field.path("name").isTextual() || !AVRO_NAME.matcher(name).matches()) {
      throw new DatasetException(source + ": field " + field + " needs a \"name\" of letters, digits and _");
    }
    JsonNode avroType = field.get("type");
    boolean nullable = false;
    JsonNode primitive = avroType;
    if (avroType != null && avroType.isArray()) {
      boolean nullAndOne = avroType.size() == 2
          && (avroType.get(0).asText("").equals("null") || avroType.get(1).asText("").equals("null"));
      if (!nullAndOne) {
        throw new DatasetException(source + ": " + name + ": a union must be \"null\" and one primitive type, e.g. "
            + "[\"null\", \"string\"], not " + avroType);
      }
      nullable = true;
      primitive = avroType.get(0).asText("").equals("null") ? avroType.get(1) : avroType.get(0);
    }
    Optional<FieldType> fieldType = primitive != null && primitive.isTextual()
        ? FieldType.fromAvroName(primitive.asText()) : Optional.empty();
    if (fieldType.isEmpty()) {
      throw new DatasetException(source + ": " + name + ": type " + avroType + " is not allowed: Personalize fields "
          + "are string, int, long, float, double or boolean, or a union of one of them with \"null\"");
    }
    boolean categorical = flag(field, "categorical", name, source);
    boolean textual = flag(field, "textual", name, source);
    return new SchemaField(name, fieldType.get(), nullable, categorical, textual);
  }

  private static boolean flag(JsonNode field, String flag, String name, String source) throws DatasetException {
    JsonNode value = field.get(flag);
    if (value == null) {
      return false;
    }
    if (!value.isBoolean()) {
      throw new DatasetException(source + ": " + name + ": \"" + flag + "\" must be true or false");
    }
    return value.booleanValue();
  }

  private static DatasetSchema checked(DatasetType type, List<SchemaField> fields, String source)
      throws DatasetException {
    Set<String> seen = new HashSet<>();
    for (SchemaField field : fields) {
      if (!seen.add(field.name().toUpperCase(Locale.ROOT))) {
        throw new DatasetException(source + ": " + field.name() + ": the field appears twice");
      }
      if ((field.categorical() || field.textual()) && field.type() != FieldType.STRING) {
        throw new DatasetException(source + ": " + field.name() + ": only string fields can be "
            + (field.categorical() ? "categorical" : "textual") + ", this one is " + field.type().avroName());
      }
      if (field.categorical() && field.textual()) {
        throw new DatasetException(source + ": " + field.name() + ": a field is categorical or textual, not both");
      }
    }
    for (Map.Entry<String, FieldType> required : type.requiredFields().entrySet()) {
      SchemaField field = fields.stream().filter(f -> f.name().equals(required.getKey())).findFirst()
          .orElseThrow(() -> new DatasetException(source + ": " + required.getKey() + ": " + type.withArticle()
              + " schema needs this field"));
      if (field.type() != required.getValue() || field.nullable()) {
        throw new DatasetException(source + ": " + field.name() + ": must be of type \""
            + required.getValue().avroName() + "\" (not nullable)");
      }
    }
    if (type == DatasetType.INTERACTIONS) {
      for (SchemaField field : fields) {
        if (field.name().equals("EVENT_TYPE") && field.type() != FieldType.STRING) {
          throw new DatasetException(source + ": EVENT_TYPE: must be a string");
        }
        if (field.name().equals("EVENT_VALUE") && field.type() != FieldType.FLOAT
            && field.type() != FieldType.DOUBLE) {
          throw new DatasetException(source + ": EVENT_VALUE: must be a float or a double");
        }
      }
    } else if (fields.size() < 2) {
      throw new DatasetException(source + ": " + type.withArticle()
          + " schema needs at least one field besides its id");
    }
    return new DatasetSchema(type, fields);
  }

  public DatasetType type() {
    return type;
  }

  public List<SchemaField> fields() {
    return fields;
  }

  /** The header row dataset CSV files start with: the field names in schema order. */
  public String header() {
    return String.join(",", fields.stream().map(SchemaField::name).toList());
  }

  /** The column of the field with exactly this name, or -1. */
  public int indexOf(String name) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The field with this name in any letter case. */
  public Optional<SchemaField> find(String name) {
    return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).findFirst();
  }

  /** The schema as Personalize's CreateSchema takes it, one field per line. */
  public String toJson() {
    StringBuilder json = new StringBuilder("{\n  \"type\": \"record\",\n  \"name\": \"").append(type.recordName())
        .append("\",\n  \"namespace\": \"").append(NAMESPACE).append("\",\n  \"fields\": [\n");
    for (int i = 0; i < fields.size(); i++) {
      SchemaField field = fields.get(i);
      String avroType = "\"" + field.type().avroName() + "\"";
      json.append("    {\"name\": \"").append(field.name()).append("\", \"type\": ")
          .append(field.nullable() ? "[\"null\", " + avroType + "]" : avroType)
          .append(field.categorical() ? ", \"categorical\": true" : "")
          .append(field.textual() ? ", \"textual\": true" : "")
          .append(i + 1 < fields.size() ? "},\n" : "}\n");
    }
    return json.append("  ],\n  \"version\": \"1.0\"\n}\n").toString();
  }
}
