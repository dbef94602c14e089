package io.segmentbeam.service;

import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.CreateBatchSegmentJobRequest;
import io.segmentbeam.api.CreateBatchSegmentJobResponse;
import io.segmentbeam.api.CreateDatasetExportJobRequest;
import io.segmentbeam.api.CreateDatasetExportJobResponse;
import io.segmentbeam.api.CreateDatasetGroupRequest;
import io.segmentbeam.api.CreateDatasetImportJobRequest;
import io.segmentbeam.api.CreateDatasetImportJobResponse;
import io.segmentbeam.api.CreateDatasetRequest;
import io.segmentbeam.api.CreateEventTrackerRequest;
import io.segmentbeam.api.CreateFilterRequest;
import io.segmentbeam.api.CreateSchemaRequest;
import io.segmentbeam.api.CreateSolutionRequest;
import io.segmentbeam.api.CreateSolutionVersionRequest;
import io.segmentbeam.api.CreateSolutionVersionResponse;
import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.api.DescribeBatchSegmentJobResponse;
import io.segmentbeam.api.DescribeDatasetExportJobRequest;
import io.segmentbeam.api.DescribeDatasetExportJobResponse;
import io.segmentbeam.api.DescribeDatasetGroupRequest;
import io.segmentbeam.api.DescribeDatasetGroupResponse;
import io.segmentbeam.api.DescribeDatasetImportJobRequest;
import io.segmentbeam.api.DescribeDatasetImportJobResponse;
import io.segmentbeam.api.DescribeDatasetRequest;
import io.segmentbeam.api.DescribeDatasetResponse;
import io.segmentbeam.api.DescribeEventTrackerRequest;
import io.segmentbeam.api.DescribeEventTrackerResponse;
import io.segmentbeam.api.DescribeFilterRequest;
import io.segmentbeam.api.DescribeFilterResponse;
import io.segmentbeam.api.DescribeRecipeRequest;
import io.segmentbeam.api.DescribeRecipeResponse;
import io.segmentbeam.api.DescribeSchemaRequest;
import io.segmentbeam.api.DescribeSchemaResponse;
import io.segmentbeam.api.DescribeSolutionRequest;
import io.segmentbeam.api.DescribeSolutionResponse;
import io.segmentbeam.api.DescribeSolutionVersionRequest;
import io.segmentbeam.api.DescribeSolutionVersionResponse;
import io.segmentbeam.api.GetSolutionMetricsRequest;
import io.segmentbeam.api.ListBatchSegmentJobsRequest;
import io.segmentbeam.api.ListDatasetExportJobsRequest;
import io.segmentbeam.api.ListDatasetGroupsRequest;
import io.segmentbeam.api.ListDatasetImportJobsRequest;
import io.segmentbeam.api.ListDatasetsRequest;
import io.segmentbeam.api.ListEventTrackersRequest;
import io.segmentbeam.api.ListFiltersRequest;
import io.segmentbeam.api.ListRecipesRequest;
import io.segmentbeam.api.ListSchemasRequest;
import io.segmentbeam.api.ListSolutionVersionsRequest;
import io.segmentbeam.api.ListSolutionsRequest;
import io.segmentbeam.api.ListTagsForResourceRequest;
import io.segmentbeam.api.PutEventsRequest;
import io.segmentbeam.api.PutItemsRequest;
import io.segmentbeam.api.PutUsersRequest;
import io.segmentbeam.api.TagResourceRequest;
import io.segmentbeam.api.UntagResourceRequest;
import io.segmentbeam.jobs.SolutionService;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The endpoint's table from operation name to service call: every operation the command line has,
 * read with the same request shapes and validation, answered with the same response shapes.
 */
final class PersonalizeOperations {
  private PersonalizeOperations() {}

  /** The AmazonPersonalize operations, by the name {@code X-Amz-Target} gives after the prefix. */
  static Map<String, Operation> personalize(Services services, JobStarter jobs) {
    Map<String, Operation> operations = new TreeMap<>();
    operations.put("CreateBatchSegmentJob", json -> new CreateBatchSegmentJobResponse(jobs.start(recorded ->
        services.batchSegmentJobs().create(read(json, CreateBatchSegmentJobRequest.class),
            services.scoringOptions().get(), recorded))));
    operations.put("DescribeBatchSegmentJob", read(DescribeBatchSegmentJobRequest.class,
        request -> new DescribeBatchSegmentJobResponse(services.batchSegmentJobs().describe(request))));
    operations.put("ListBatchSegmentJobs", read(ListBatchSegmentJobsRequest.class, services.batchSegmentJobs()::list));
    operations.put("CreateDatasetImportJob", json -> new CreateDatasetImportJobResponse(jobs.start(recorded ->
        services.datasetImportJobs().create(read(json, CreateDatasetImportJobRequest.class),
            services.datasetOptions().get(), recorded))));
    operations.put("DescribeDatasetImportJob", read(DescribeDatasetImportJobRequest.class,
        request -> new DescribeDatasetImportJobResponse(services.datasetImportJobs().describe(request))));
    operations.put("ListDatasetImportJobs", read(ListDatasetImportJobsRequest.class,
        services.datasetImportJobs()::list));
    operations.put("CreateDatasetExportJob", json -> new CreateDatasetExportJobResponse(jobs.start(recorded ->
        services.datasetExportJobs().create(read(json, CreateDatasetExportJobRequest.class),
            services.datasetOptions().get(), recorded))));
    operations.put("DescribeDatasetExportJob", read(DescribeDatasetExportJobRequest.class,
        request -> new DescribeDatasetExportJobResponse(services.datasetExportJobs().describe(request))));
    operations.put("ListDatasetExportJobs", read(ListDatasetExportJobsRequest.class,
        services.datasetExportJobs()::list));
    operations.put("CreateFilter", read(CreateFilterRequest.class, services.filters()::create));
    operations.put("DescribeFilter", read(DescribeFilterRequest.class,
        request -> new DescribeFilterResponse(services.filters().describe(request))));
    operations.put("ListFilters", read(ListFiltersRequest.class, services.filters()::list));
    operations.put("CreateSchema", read(CreateSchemaRequest.class, services.datasets()::createSchema));
    operations.put("DescribeSchema", read(DescribeSchemaRequest.class,
        request -> new DescribeSchemaResponse(services.datasets().describeSchema(request))));
    operations.put("ListSchemas", read(ListSchemasRequest.class, services.datasets()::listSchemas));
    operations.put("CreateDatasetGroup", read(CreateDatasetGroupRequest.class,
        services.datasets()::createDatasetGroup));
    operations.put("DescribeDatasetGroup", read(DescribeDatasetGroupRequest.class,
        request -> new DescribeDatasetGroupResponse(services.datasets().describeDatasetGroup(request))));
    operations.put("ListDatasetGroups", read(ListDatasetGroupsRequest.class, services.datasets()::listDatasetGroups));
    operations.put("CreateDataset", read(CreateDatasetRequest.class, services.datasets()::createDataset));
    operations.put("DescribeDataset", read(DescribeDatasetRequest.class,
        request -> new DescribeDatasetResponse(services.datasets().describeDataset(request))));
    operations.put("ListDatasets", read(ListDatasetsRequest.class, services.datasets()::listDatasets));
    operations.put("CreateEventTracker", read(CreateEventTrackerRequest.class,
        services.datasets()::createEventTracker));
    operations.put("DescribeEventTracker", read(DescribeEventTrackerRequest.class,
        request -> new DescribeEventTrackerResponse(services.datasets().describeEventTracker(request))));
    operations.put("ListEventTrackers", read(ListEventTrackersRequest.class, services.datasets()::listEventTrackers));
    operations.put("CreateSolution", read(CreateSolutionRequest.class, services.solutions()::createSolution));
    operations.put("DescribeSolution", read(DescribeSolutionRequest.class,
        request -> new DescribeSolutionResponse(services.solutions().describeSolution(request))));
    operations.put("ListSolutions", read(ListSolutionsRequest.class, services.solutions()::listSolutions));
    operations.put("CreateSolutionVersion", json -> new CreateSolutionVersionResponse(jobs.start(recorded ->
        services.solutions().createSolutionVersion(read(json, CreateSolutionVersionRequest.class),
            Runtime.getRuntime().availableProcessors(), SolutionService.noProgress(), recorded))));
    operations.put("DescribeSolutionVersion", read(DescribeSolutionVersionRequest.class,
        request -> new DescribeSolutionVersionResponse(services.solutions().describeSolutionVersion(request))));
    operations.put("ListSolutionVersions", read(ListSolutionVersionsRequest.class,
        services.solutions()::listSolutionVersions));
    operations.put("GetSolutionMetrics", read(GetSolutionMetricsRequest.class,
        services.solutions()::getSolutionMetrics));
    operations.put("DescribeRecipe", read(DescribeRecipeRequest.class,
        request -> new DescribeRecipeResponse(services.solutions().describeRecipe(request))));
    operations.put("ListRecipes", read(ListRecipesRequest.class, services.solutions()::listRecipes));
    operations.put("TagResource", read(TagResourceRequest.class, request -> {
      services.tags().tag(request);
      return Map.of();
    }));
    operations.put("UntagResource", read(UntagResourceRequest.class, request -> {
      services.tags().untag(request);
      return Map.of();
    }));
    operations.put("ListTagsForResource", read(ListTagsForResourceRequest.class, services.tags()::list));
    return operations;
  }

  /** The Personalize Events operations (REST-JSON), by their request path; each answers with no members. */
  static Map<String, Operation> events(Services services) {
    return Map.of(
        "/events", read(PutEventsRequest.class, request -> {
          services.putRecords().putEvents(request, services.datasetOptions().get());
          return Map.of();
        }),
        "/users", read(PutUsersRequest.class, request -> {
          services.putRecords().putUsers(request, services.datasetOptions().get());
          return Map.of();
        }),
        "/items", read(PutItemsRequest.class, request -> {
          services.putRecords().putItems(request, services.datasetOptions().get());
          return Map.of();
        }));
  }

  private static <R> Operation read(Class<R> type, Function<R, Object> call) {
    return json -> call.apply(read(json, type));
  }

  private static <R> R read(JsonNode json, Class<R> type) {
    return ApiJson.readRequest(json, type);
  }
}
