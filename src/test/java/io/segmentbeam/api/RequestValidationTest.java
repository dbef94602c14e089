package io.segmentbeam.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each API rule broken on purpose gives InvalidInputException naming the field. */
class RequestValidationTest {
  static final String VALID = """
      {"jobName": "job-1", "solutionVersionArn": "arn:aws:personalize:us-east-1:123456789012:solution/s/1",
       "filterArn": "arn:aws:personalize:us-east-1:123456789012:filter/f", "numResults": 10,
       "jobInput": {"s3DataSource": {"path": "s3://bucket/in/",
         "kmsKeyArn": "arn:aws:kms:us-east-1:123456789012:key/abc"}},
       "jobOutput": {"s3DataDestination": {"path": "s3://bucket/out/"}},
       "roleArn": "arn:aws:iam::123456789012:role/PersonalizeRole",
       "tags": [{"tagKey": "team", "tagValue": "growth"}]}
      """;

  private static ObjectNode valid() {
    return (ObjectNode) ApiJson.readRequest(VALID, JsonNode.class);
  }

  private static CreateBatchSegmentJobRequest request(Consumer<ObjectNode> change) {
    ObjectNode json = valid();
    change.accept(json);
    return ApiJson.readRequest(json, CreateBatchSegmentJobRequest.class);
  }

  private static ObjectNode at(ObjectNode json, String... path) {
    ObjectNode node = json;
    for (String field : path) {
      node = (ObjectNode) node.get(field);
    }
    return node;
  }

  static Stream<Arguments> brokenRules() {
    String longArn = "arn:aws:personalize:us-east-1:123456789012:solution/" + "x".repeat(256);
    return Stream.of(
        Arguments.of("jobName", (Consumer<ObjectNode>) j -> j.remove("jobName"), "Member must not be null"),
        Arguments.of("jobName", (Consumer<ObjectNode>) j -> j.put("jobName", "-starts-with-dash"), "pattern"),
        Arguments.of("jobName", (Consumer<ObjectNode>) j -> j.put("jobName", "has space"), "pattern"),
        Arguments.of("jobName", (Consumer<ObjectNode>) j -> j.put("jobName", ""), "length greater than or equal to 1"),
        Arguments.of("jobName", (Consumer<ObjectNode>) j -> j.put("jobName", "a".repeat(64)),
            "length less than or equal to 63"),
        Arguments.of("solutionVersionArn", (Consumer<ObjectNode>) j -> j.remove("solutionVersionArn"), "not be null"),
        Arguments.of("solutionVersionArn", (Consumer<ObjectNode>) j -> j.put("solutionVersionArn", "arn:aws:s3:::b"),
            "pattern"),
        Arguments.of("solutionVersionArn", (Consumer<ObjectNode>) j -> j.put("solutionVersionArn", longArn),
            "length less than or equal to 256"),
        Arguments.of("filterArn", (Consumer<ObjectNode>) j -> j.put("filterArn", "filter-1"), "pattern"),
        Arguments.of("roleArn", (Consumer<ObjectNode>) j -> j.remove("roleArn"), "not be null"),
        Arguments.of("roleArn", (Consumer<ObjectNode>) j -> j.put("roleArn", "arn:aws:iam::12345:role/r"), "pattern"),
        Arguments.of("numResults", (Consumer<ObjectNode>) j -> j.put("numResults", 0), "greater than or equal to 1"),
        Arguments.of("numResults", (Consumer<ObjectNode>) j -> j.put("numResults", 5_000_001),
            "less than or equal to 5000000"),
        Arguments.of("jobInput", (Consumer<ObjectNode>) j -> j.remove("jobInput"), "not be null"),
        Arguments.of("jobInput.s3DataSource", (Consumer<ObjectNode>) j -> at(j, "jobInput").remove("s3DataSource"),
            "not be null"),
        Arguments.of("jobInput.s3DataSource.path",
            (Consumer<ObjectNode>) j -> at(j, "jobInput", "s3DataSource").remove("path"), "not be null"),
        Arguments.of("jobInput.s3DataSource.path",
            (Consumer<ObjectNode>) j -> at(j, "jobInput", "s3DataSource").put("path", "ftp://host/in"), "pattern"),
        Arguments.of("jobInput.s3DataSource.path",
            (Consumer<ObjectNode>) j -> at(j, "jobInput", "s3DataSource").put("path", ""), "length greater than"),
        Arguments.of("jobInput.s3DataSource.path",
            (Consumer<ObjectNode>) j -> at(j, "jobInput", "s3DataSource").put("path", "in\u0000put/"),
            "Member must not contain control characters"),
        Arguments.of("jobInput.s3DataSource.path",
            (Consumer<ObjectNode>) j -> at(j, "jobInput", "s3DataSource").put("path", "data/\nin/"),
            "Member must not contain control characters"),
        Arguments.of("jobInput.s3DataSource.path",
            (Consumer<ObjectNode>) j -> at(j, "jobInput", "s3DataSource").put("path", "https://host/in/"),
            "Member must be an s3:// URI, a file:// URI or a local path"),
        Arguments.of("jobInput.s3DataSource.path",
            (Consumer<ObjectNode>) j -> at(j, "jobInput", "s3DataSource").put("path", "s3:///in/"),
            "Member must name a bucket"),
        Arguments.of("jobOutput.s3DataDestination.path",
            (Consumer<ObjectNode>) j -> at(j, "jobOutput", "s3DataDestination").put("path", "file://"),
            "Member must name a path after file://"),
        Arguments.of("jobInput.s3DataSource.path",
            (Consumer<ObjectNode>) j -> at(j, "jobInput", "s3DataSource").put("path", "s3://b/" + "k".repeat(251)),
            "length less than or equal to 256"),
        Arguments.of("jobInput.s3DataSource.kmsKeyArn",
            (Consumer<ObjectNode>) j -> at(j, "jobInput", "s3DataSource").put("kmsKeyArn", "alias/my-key"), "pattern"),
        Arguments.of("jobOutput", (Consumer<ObjectNode>) j -> j.remove("jobOutput"), "not be null"),
        Arguments.of("jobOutput.s3DataDestination.path",
            (Consumer<ObjectNode>) j -> at(j, "jobOutput", "s3DataDestination").put("path", "gs://b/out"), "pattern"),
        Arguments.of("jobOutput.s3DataDestination.kmsKeyArn",
            (Consumer<ObjectNode>) j -> at(j, "jobOutput", "s3DataDestination")
                .put("kmsKeyArn", "arn:aws:kms:us-east-1:123:key/k"), "pattern"),
        Arguments.of("tags.1.member.tagKey",
            (Consumer<ObjectNode>) j -> ((ObjectNode) j.get("tags").get(0)).put("tagKey", "bad#key"), "TagKey"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("brokenRules")
  void brokenRuleNamesTheField(String field, Consumer<ObjectNode> change, String constraint) {
    CreateBatchSegmentJobRequest request = request(change);
    InvalidInputException error = assertThrows(InvalidInputException.class, request::validate);
    assertThat(error.getMessage(), matchesPattern("\\d validation errors? detected: Value .*"));
    assertThat(error.getMessage(), containsString(" at '" + field + "' failed to satisfy constraint: "));
    assertThat(error.getMessage(), containsString(constraint));
  }

  @Test
  void validRequestPasses() {
    assertDoesNotThrow(() -> request(j -> {}).validate());
  }

  @Test
  void localPathsAreAcceptedAsAnExtension() {
    assertDoesNotThrow(() -> request(j -> {
      at(j, "jobInput", "s3DataSource").put("path", "sample-data/input/");
      at(j, "jobOutput", "s3DataDestination").put("path", "file:///tmp/out/");
    }).validate());
  }

  @Test
  void everyViolationIsReported() {
    InvalidInputException error = assertThrows(InvalidInputException.class, () -> request(j -> {
      j.put("jobName", "bad name");
      j.put("numResults", 0);
    }).validate());
    assertThat(error.getMessage(), startsWith("2 validation errors detected: "));
    assertThat(error.getMessage(), containsString("'jobName'"));
    assertThat(error.getMessage(), containsString("'numResults'"));
  }

  @Test
  void unknownFieldIsRejectedByName() {
    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> request(j -> at(j, "jobInput", "s3DataSource").put("bucket", "b")));
    assertThat(error.getMessage(), equalTo(
        "Unknown parameter in jobInput.s3DataSource: \"bucket\", must be one of: kmsKeyArn, path"));
  }

  @Test
  void unknownTopLevelFieldIsRejectedByName() {
    InvalidInputException error = assertThrows(InvalidInputException.class, () -> request(j -> j.put("name", "x")));
    assertThat(error.getMessage(), startsWith("Unknown parameter in input: \"name\", must be one of: filterArn,"));
  }

  @Test
  void wrongTypeNamesTheField() {
    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> request(j -> j.put("numResults", "25")));
    assertThat(error.getMessage(), startsWith("Invalid type for parameter numResults"));
    InvalidInputException name = assertThrows(InvalidInputException.class, () -> request(j -> j.put("jobName", 7)));
    assertThat(name.getMessage(), startsWith("Invalid type for parameter jobName"));
  }

  @Test
  void aNumberBeyondItsTypeIsARangeViolationNamingTheMember() {
    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> request(j -> j.put("numResults", 2147483648L)));
    assertThat(error.getMessage(), equalTo("1 validation error detected: Value '2147483648' at 'numResults' failed to "
        + "satisfy constraint: Member must have value less than or equal to 2147483647"));
  }

  @Test
  void aTagWithoutItsKeySaysTheMemberIsMissing() {
    CreateBatchSegmentJobRequest request = request(j -> ((ObjectNode) j.get("tags").get(0)).remove("tagKey"));
    InvalidInputException error = assertThrows(InvalidInputException.class, request::validate);
    assertThat(error.getMessage(), equalTo("1 validation error detected: Value null at 'tags.1.member.tagKey' failed "
        + "to satisfy constraint: Member must not be null"));
  }

  @Test
  void listRequestRules() {
    assertThat(assertThrows(InvalidInputException.class,
        () -> new ListBatchSegmentJobsRequest(0, null, null).validate()).getMessage(),
        containsString("at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1"));
    assertThat(assertThrows(InvalidInputException.class,
        () -> new ListBatchSegmentJobsRequest(101, null, null).validate()).getMessage(),
        containsString("at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100"));
    assertThat(assertThrows(InvalidInputException.class,
        () -> new ListBatchSegmentJobsRequest(null, "t".repeat(1501), null).validate()).getMessage(),
        containsString("at 'nextToken'"));
    assertThat(assertThrows(InvalidInputException.class,
        () -> new ListBatchSegmentJobsRequest(null, null, "not-an-arn").validate()).getMessage(),
        containsString("at 'solutionVersionArn'"));
    assertThat(assertThrows(InvalidInputException.class,
        () -> new DescribeBatchSegmentJobRequest("job-1").validate()).getMessage(),
        containsString("at 'batchSegmentJobArn'"));
  }
}
