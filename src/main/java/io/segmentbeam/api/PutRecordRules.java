package io.segmentbeam.api;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * The bounds of PutEvents, PutUsers and PutItems. These belong to the Personalize Events API
 * (personalize-events), not to the model in ../shared/aws-api; they are its documented bounds.
 */
final class PutRecordRules {
  private PutRecordRules() {}

  static final int RECORDS_MIN = 1;
  static final int RECORDS_MAX = 10;
  static final StringRule ID = StringRule.of("String256", 1, 256, null);
  static final StringRule TRACKING_ID = StringRule.of("StringType", 1, 256, null);
  static final StringRule EVENT_PROPERTIES = StringRule.of("EventPropertiesJSON", 1, 1024, null);
  static final StringRule RECORD_PROPERTIES = StringRule.of("SynthesizedJsonProperties", 1, 24262, null);
  static final StringRule RECOMMENDATION_ID = StringRule.of("RecommendationId", 1, 40, null);
  static final int IMPRESSION_MAX = 25;

  /** Checks the size of a request's list of records, and each record with {@code check}. */
  static <T> void records(Violations violations, String field, List<T> records, BiConsumer<String, T> check) {
    if (records == null) {
      violations.notNull(field);
      return;
    }
    violations.range(field, records.size(), RECORDS_MIN, RECORDS_MAX);
    for (int i = 0; i < records.size(); i++) {
      String member = field + "." + (i + 1) + ".member";
      if (records.get(i) == null) {
        violations.notNull(member);
      } else {
        check.accept(member, records.get(i));
      }
    }
  }

  /** Checks a user or item: its id and its properties. */
  static void record(Violations violations, String field, String idField, String id, String properties) {
    violations.string(field + "." + idField, id, ID, true)
        .string(field + ".properties", properties, RECORD_PROPERTIES, false);
  }
}
