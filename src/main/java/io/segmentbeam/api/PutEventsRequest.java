package io.segmentbeam.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The PutEvents request of the Personalize Events API, field for field. */
public record PutEventsRequest(String trackingId, String userId, String sessionId, List<Event> eventList) {

  /**
   * One event; {@code properties} is a JSON object as a string. {@code sentAt} is a timestamp as
   * the AWS CLI takes one: epoch seconds (a number) or ISO 8601 text such as
   * {@code "2026-11-26T09:30:00Z"}.
   */
  public record Event(String eventId, String eventType, Double eventValue, String itemId, String properties,
      JsonNode sentAt, String recommendationId, List<String> impression, MetricAttribution metricAttribution) {

    /**
     * {@code sentAt} in whole epoch seconds, or empty when it is neither a number (of a size that
     * fits) nor ISO 8601 text. Text without a zone is UTC, as the AWS CLI reads it.
     */
    public Optional<Long> sentAtEpochSeconds() {
      if (sentAt == null) {
        return Optional.empty();
      }
      try {
        if (sentAt.isNumber()) {
          return Optional.of(sentAt.decimalValue().setScale(0, RoundingMode.FLOOR).longValueExact());
        }
        try {
          return Optional.of(OffsetDateTime.parse(sentAt.asText()).toEpochSecond());
        } catch (DateTimeParseException withoutZone) {
          return Optional.of(LocalDateTime.parse(sentAt.asText()).toEpochSecond(ZoneOffset.UTC));
        }
      } catch (DateTimeParseException | ArithmeticException e) {
        return Optional.empty();
      }
    }
  }

  /** Where an event came from, for metric attribution; recorded nowhere here. */
  public record MetricAttribution(String eventAttributionSource) {}

  public void validate() {
    Violations violations = new Violations()
        .string("trackingId", trackingId, PutRecordRules.TRACKING_ID, true)
        .string("userId", userId, PutRecordRules.ID, false)
        .string("sessionId", sessionId, PutRecordRules.ID, true);
    PutRecordRules.records(violations, "eventList", eventList, (field, event) -> {
      violations.string(field + ".eventId", event.eventId(), PutRecordRules.ID, false)
          .string(field + ".eventType", event.eventType(), PutRecordRules.ID, true)
          .string(field + ".itemId", event.itemId(), PutRecordRules.ID, false)
          .string(field + ".properties", event.properties(), PutRecordRules.EVENT_PROPERTIES, false)
          .string(field + ".recommendationId", event.recommendationId(), PutRecordRules.RECOMMENDATION_ID, false);
      if (event.sentAt() == null || event.sentAt().isNull()) {
        violations.notNull(field + ".sentAt");
      } else if (event.sentAtEpochSeconds().isEmpty()) {
        violations.add(field + ".sentAt", event.sentAt().asText(), "Member must be a timestamp: epoch seconds "
            + "or ISO 8601 text such as 2026-11-26T09:30:00Z");
      }
      if (event.impression() != null) {
        violations.range(field + ".impression", event.impression().size(), 1, PutRecordRules.IMPRESSION_MAX);
      }
    });
    violations.throwIfAny();
  }
}
