package io.segmentbeam.api;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Holds the product's shapes and rules equal to the official API model in ../shared/aws-api. */
class ApiModelConformanceTest {
  private static JsonNode shapes;

  @BeforeAll
  static void readModel() throws IOException {
    shapes = new ObjectMapper().readTree(Path.of("..", "shared", "aws-api", "personalize-2018-05-22.json").toFile())
        .get("shapes");
  }

  static Stream<Arguments> stringRules() {
    return Stream.of(ApiRules.NAME, ApiRules.ARN, ApiRules.ROLE_ARN, ApiRules.S3_LOCATION, ApiRules.KMS_KEY_ARN,
        ApiRules.NEXT_TOKEN, ApiRules.TAG_KEY, ApiRules.TAG_VALUE, ApiRules.DATASET_TYPE).map(Arguments::of);
  }

  @ParameterizedTest
  @MethodSource("stringRules")
  void stringRuleMatchesTheModel(StringRule rule) {
    JsonNode shape = shapes.get(rule.shape());
    assertThat(rule.pattern().pattern(), equalTo(shape.get("pattern").asText()));
    assertThat(rule.max(), equalTo(shape.get("max").asInt()));
    assertThat(rule.min(), equalTo(shape.path("min").asInt(0)));
  }

  @Test
  void maxResultsMatchesTheModel() {
    assertThat(ApiRules.MAX_RESULTS_MIN, equalTo(shapes.get("MaxResults").get("min").asInt()));
    assertThat(ApiRules.MAX_RESULTS_MAX, equalTo(shapes.get("MaxResults").get("max").asInt()));
    assertThat(ApiRules.TAGS_MAX, equalTo(shapes.get("Tags").get("max").asInt()));
  }

  static Stream<Arguments> records() {
    return Stream.of(
        Arguments.of("CreateBatchSegmentJobRequest", CreateBatchSegmentJobRequest.class),
        Arguments.of("CreateBatchSegmentJobResponse", CreateBatchSegmentJobResponse.class),
        Arguments.of("DescribeBatchSegmentJobRequest", DescribeBatchSegmentJobRequest.class),
        Arguments.of("DescribeBatchSegmentJobResponse", DescribeBatchSegmentJobResponse.class),
        Arguments.of("BatchSegmentJob", BatchSegmentJob.class),
        Arguments.of("BatchSegmentJobSummary", BatchSegmentJobSummary.class),
        Arguments.of("BatchSegmentJobInput", BatchSegmentJobInput.class),
        Arguments.of("BatchSegmentJobOutput", BatchSegmentJobOutput.class),
        Arguments.of("S3DataConfig", S3DataConfig.class),
        Arguments.of("Tag", Tag.class),
        Arguments.of("ListBatchSegmentJobsRequest", ListBatchSegmentJobsRequest.class),
        Arguments.of("ListBatchSegmentJobsResponse", ListBatchSegmentJobsResponse.class),
        Arguments.of("CreateFilterRequest", CreateFilterRequest.class),
        Arguments.of("CreateFilterResponse", CreateFilterResponse.class),
        Arguments.of("DescribeFilterRequest", DescribeFilterRequest.class),
        Arguments.of("DescribeFilterResponse", DescribeFilterResponse.class),
        Arguments.of("Filter", Filter.class),
        Arguments.of("FilterSummary", FilterSummary.class),
        Arguments.of("ListFiltersRequest", ListFiltersRequest.class),
        Arguments.of("ListFiltersResponse", ListFiltersResponse.class),
        Arguments.of("CreateDatasetImportJobRequest", CreateDatasetImportJobRequest.class),
        Arguments.of("CreateDatasetImportJobResponse", CreateDatasetImportJobResponse.class),
        Arguments.of("DescribeDatasetImportJobRequest", DescribeDatasetImportJobRequest.class),
        Arguments.of("DescribeDatasetImportJobResponse", DescribeDatasetImportJobResponse.class),
        Arguments.of("DatasetImportJob", DatasetImportJob.class),
        Arguments.of("DatasetImportJobSummary", DatasetImportJobSummary.class),
        Arguments.of("DataSource", DataSource.class),
        Arguments.of("ListDatasetImportJobsRequest", ListDatasetImportJobsRequest.class),
        Arguments.of("ListDatasetImportJobsResponse", ListDatasetImportJobsResponse.class),
        Arguments.of("CreateDatasetExportJobRequest", CreateDatasetExportJobRequest.class),
        Arguments.of("CreateDatasetExportJobResponse", CreateDatasetExportJobResponse.class),
        Arguments.of("DescribeDatasetExportJobRequest", DescribeDatasetExportJobRequest.class),
        Arguments.of("DescribeDatasetExportJobResponse", DescribeDatasetExportJobResponse.class),
        Arguments.of("DatasetExportJob", DatasetExportJob.class),
        Arguments.of("DatasetExportJobSummary", DatasetExportJobSummary.class),
        Arguments.of("DatasetExportJobOutput", DatasetExportJobOutput.class),
        Arguments.of("ListDatasetExportJobsRequest", ListDatasetExportJobsRequest.class),
        Arguments.of("ListDatasetExportJobsResponse", ListDatasetExportJobsResponse.class),
        Arguments.of("CreateSchemaRequest", CreateSchemaRequest.class),
        Arguments.of("CreateSchemaResponse", CreateSchemaResponse.class),
        Arguments.of("DatasetSchema", SchemaResource.class),
        Arguments.of("CreateDatasetGroupRequest", CreateDatasetGroupRequest.class),
        Arguments.of("CreateDatasetGroupResponse", CreateDatasetGroupResponse.class),
        Arguments.of("DatasetGroup", DatasetGroupResource.class),
        Arguments.of("CreateDatasetRequest", CreateDatasetRequest.class),
        Arguments.of("CreateDatasetResponse", CreateDatasetResponse.class),
        Arguments.of("DescribeDatasetRequest", DescribeDatasetRequest.class),
        Arguments.of("DescribeDatasetResponse", DescribeDatasetResponse.class),
        Arguments.of("Dataset", Dataset.class),
        Arguments.of("DatasetUpdateSummary", DatasetUpdateSummary.class),
        Arguments.of("CreateEventTrackerRequest", CreateEventTrackerRequest.class),
        Arguments.of("CreateEventTrackerResponse", CreateEventTrackerResponse.class),
        Arguments.of("EventTracker", EventTracker.class),
        Arguments.of("DescribeSchemaRequest", DescribeSchemaRequest.class),
        Arguments.of("DescribeSchemaResponse", DescribeSchemaResponse.class),
        Arguments.of("ListSchemasRequest", ListSchemasRequest.class),
        Arguments.of("ListSchemasResponse", ListSchemasResponse.class),
        Arguments.of("DatasetSchemaSummary", DatasetSchemaSummary.class),
        Arguments.of("DescribeDatasetGroupRequest", DescribeDatasetGroupRequest.class),
        Arguments.of("DescribeDatasetGroupResponse", DescribeDatasetGroupResponse.class),
        Arguments.of("ListDatasetGroupsRequest", ListDatasetGroupsRequest.class),
        Arguments.of("ListDatasetGroupsResponse", ListDatasetGroupsResponse.class),
        Arguments.of("DatasetGroupSummary", DatasetGroupSummary.class),
        Arguments.of("ListDatasetsRequest", ListDatasetsRequest.class),
        Arguments.of("ListDatasetsResponse", ListDatasetsResponse.class),
        Arguments.of("DatasetSummary", DatasetSummary.class),
        Arguments.of("DescribeEventTrackerRequest", DescribeEventTrackerRequest.class),
        Arguments.of("DescribeEventTrackerResponse", DescribeEventTrackerResponse.class),
        Arguments.of("ListEventTrackersRequest", ListEventTrackersRequest.class),
        Arguments.of("ListEventTrackersResponse", ListEventTrackersResponse.class),
        Arguments.of("EventTrackerSummary", EventTrackerSummary.class));
  }

  @ParameterizedTest
  @MethodSource("records")
  void recordHasExactlyTheShapesMembers(String shapeName, Class<? extends Record> type) {
    List<String> members = new ArrayList<>();
    shapes.get(shapeName).get("members").fieldNames().forEachRemaining(members::add);
    List<String> components = Arrays.stream(type.getRecordComponents()).map(ApiModelConformanceTest::wireName).toList();
    assertThat(components, containsInAnyOrder(members.toArray()));
  }

  /** A member's name on the wire: its JSON property name where it differs from the Java name. */
  private static String wireName(RecordComponent component) {
    JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
    if (property == null) {
      property = component.getAnnotation(JsonProperty.class);
    }
    return property == null ? component.getName() : property.value();
  }

  @Test
  void enumsMatchTheModel() {
    assertThat(ApiRules.IMPORT_MODES, equalTo(enumValues("ImportMode")));
    assertThat(ApiRules.INGESTION_MODES, equalTo(enumValues("IngestionMode")));
    assertThat(ApiRules.DOMAINS, equalTo(enumValues("Domain")));
    assertThat(ApiRules.AVRO_SCHEMA.max(), equalTo(shapes.get("AvroSchema").get("max").asInt()));
  }

  private static List<String> enumValues(String shape) {
    List<String> values = new ArrayList<>();
    shapes.get(shape).get("enum").forEach(value -> values.add(value.asText()));
    return values;
  }

  @Test
  void filterExpressionBoundsMatchTheModel() {
    JsonNode shape = shapes.get(ApiRules.FILTER_EXPRESSION.shape());
    assertThat(List.of(ApiRules.FILTER_EXPRESSION.min(), ApiRules.FILTER_EXPRESSION.max()),
        equalTo(List.of(shape.get("min").asInt(), shape.get("max").asInt())));
  }

  @Test
  void requiredMembersMatchTheModel() {
    assertThat(shapes.get("CreateFilterRequest").get("required").toString(),
        equalTo("[\"name\",\"datasetGroupArn\",\"filterExpression\"]"));
    assertThat(shapes.get("CreateBatchSegmentJobRequest").get("required").toString(),
        equalTo("[\"jobName\",\"solutionVersionArn\",\"jobInput\",\"jobOutput\",\"roleArn\"]"));
    assertThat(shapes.get("S3DataConfig").get("required").toString(), equalTo("[\"path\"]"));
    assertThat(shapes.get("CreateDatasetImportJobRequest").get("required").toString(),
        equalTo("[\"jobName\",\"datasetArn\",\"dataSource\"]"));
    assertThat(shapes.get("CreateDatasetExportJobRequest").get("required").toString(),
        equalTo("[\"jobName\",\"datasetArn\",\"roleArn\",\"jobOutput\"]"));
    assertThat(shapes.get("DatasetExportJobOutput").get("required").toString(), equalTo("[\"s3DataDestination\"]"));
    assertThat(shapes.get("CreateDatasetRequest").get("required").toString(),
        equalTo("[\"name\",\"schemaArn\",\"datasetGroupArn\",\"datasetType\"]"));
    assertThat(shapes.get("CreateSchemaRequest").get("required").toString(), equalTo("[\"name\",\"schema\"]"));
    assertThat(shapes.get("CreateDatasetGroupRequest").get("required").toString(), equalTo("[\"name\"]"));
    assertThat(shapes.get("CreateEventTrackerRequest").get("required").toString(),
        equalTo("[\"name\",\"datasetGroupArn\"]"));
  }
}
