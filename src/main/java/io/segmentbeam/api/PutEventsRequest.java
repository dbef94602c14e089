package io.segmentbeam.api;

import java.math.BigDecimal;
import java.util.List;

/** The PutEvents request of the Personalize Events API, field for field. */
public record PutEventsRequest(String trackingId, String userId, String sessionId, List<Event> eventList) {

  /** One event; {@code sentAt} is epoch seconds, {@code properties} a JSON object as a string. */
  public record Event(String eventId, String eventType, Double eventValue, String itemId, String properties,
      BigDecimal sentAt, String recommendationId, List<String> impression, MetricAttribution metricAttribution) {}

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
      if (event.sentAt() == null) {
        violations.notNull(field + ".sentAt");
      }
      if (event.impression() != null) {
        violations.range(field + ".impression", event.impression().size(), 1, PutRecordRules.IMPRESSION_MAX);
      }
    });
    violations.throwIfAny();
  }
}
