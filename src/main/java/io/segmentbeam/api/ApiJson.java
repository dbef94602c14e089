package io.segmentbeam.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * JSON as the Personalize API speaks it: absent members are omitted, unknown members are refused,
 * numbers keep their exact decimal form, and any mapping problem becomes an InvalidInputException
 * that names the parameter.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(SerializationFeature.INDENT_OUTPUT);

  static {
    // Personalize does not coerce: a number is not a string, a string is not a number.
    MAPPER.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    MAPPER.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
  }

  private ApiJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads a request, turning every mapping error into an InvalidInputException. */
  public static <T> T readRequest(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw invalidInput(e);
    }
  }

  /** Converts an already parsed request document, with the same error handling as readRequest. */
  public static <T> T readRequest(JsonNode json, Class<T> type) {
    try {
      return MAPPER.treeToValue(json, type);
    } catch (JsonProcessingException e) {
      throw invalidInput(e);
    }
  }

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  private static InvalidInputException invalidInput(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
          .collect(Collectors.joining(", "));
      String parent = parentPath(unknown);
      return new InvalidInputException("Unknown parameter in " + (parent.isEmpty() ? "input" : parent) + ": \""
          + unknown.getPropertyName() + "\", must be one of: " + known);
    }
    if (e instanceof InvalidFormatException format) {
      return new InvalidInputException("Invalid type for parameter " + path(format) + ", value: "
          + format.getValue() + ", valid types: " + typeName(format.getTargetType()));
    }
    if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      return new InvalidInputException("Invalid type for parameter " + path(mismatch) + ", valid types: "
          + typeName(mismatch.getTargetType()));
    }
    if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof InputCoercionException range) {
      // A number beyond its member's type, e.g. numResults 2147483648: named as a range violation.
      String value = range.getProcessor() == null ? "?" : textOf(range.getProcessor());
      boolean tooLarge = !value.startsWith("-");
      return new InvalidInputException("1 validation error detected: Value '" + value + "' at '" + path(mapping)
          + "' failed to satisfy constraint: Member must have value " + (tooLarge ? "less than or equal to "
          + Integer.MAX_VALUE : "greater than or equal to " + Integer.MIN_VALUE));
    }
    return new InvalidInputException("Request is not valid JSON: " + e.getOriginalMessage());
  }

  private static String textOf(JsonParser parser) {
    try {
      return parser.getText();
    } catch (IOException e) {
      return "?";
    }
  }

  private static String typeName(Class<?> type) {
    if (type == null) {
      return "unknown";
    }
    if (type == Integer.class || type == int.class) {
      return "integer";
    }
    if (type == String.class) {
      return "string";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "boolean";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "list";
    }
    return "structure";
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex() + 1))
        .collect(Collectors.joining("."));
  }

  private static String parentPath(JsonMappingException e) {
    String full = path(e);
    int dot = full.lastIndexOf('.');
    return dot < 0 ? "" : full.substring(0, dot);
  }
}
