package io.segmentbeam.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** sentAt as the AWS CLI and the SDKs send it: epoch seconds, or ISO 8601 text, read as UTC without a zone. */
class PutEventsRequestTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "1700000100.75 | 1700000100",
      "\"2023-11-14T22:16:40Z\" | 1700000200",
      "\"2023-11-14T22:16:40\" | 1700000200",
      "\"2023-11-14T23:16:40+01:00\" | 1700000200",
      "1e30 | ",
      "\"yesterday\" | "})
  void sentAtInEpochSeconds(String sentAt, Long seconds) {
    PutEventsRequest request = ApiJson.readRequest("{\"trackingId\": \"t\", \"sessionId\": \"s\", \"eventList\": "
        + "[{\"eventType\": \"click\", \"sentAt\": " + sentAt + "}]}", PutEventsRequest.class);
    assertThat(request.eventList().get(0).sentAtEpochSeconds(), equalTo(Optional.ofNullable(seconds)));
  }
}
