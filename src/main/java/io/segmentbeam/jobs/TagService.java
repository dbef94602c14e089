package io.segmentbeam.jobs;

import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.api.DescribeDatasetExportJobRequest;
import io.segmentbeam.api.DescribeDatasetGroupRequest;
import io.segmentbeam.api.DescribeDatasetImportJobRequest;
import io.segmentbeam.api.DescribeDatasetRequest;
import io.segmentbeam.api.DescribeEventTrackerRequest;
import io.segmentbeam.api.DescribeFilterRequest;
import io.segmentbeam.api.DescribeSchemaRequest;
import io.segmentbeam.api.DescribeSolutionRequest;
import io.segmentbeam.api.DescribeSolutionVersionRequest;
import io.segmentbeam.api.ListTagsForResourceRequest;
import io.segmentbeam.api.ListTagsForResourceResponse;
import io.segmentbeam.api.ResourceNotFoundException;
import io.segmentbeam.api.TagResourceRequest;
import io.segmentbeam.api.TooManyTagKeysException;
import io.segmentbeam.api.UntagResourceRequest;
import io.segmentbeam.store.ResourceTags;

/**
 * TagResource, UntagResource and ListTagsForResource on every resource SegmentBeam keeps: the
 * resource must exist (in this region and account), or the call is ResourceNotFoundException.
 * Tags given at create are stored by the service that creates the resource.
 */
public final class TagService {
  private final ResourceTags tags;
  private final BatchSegmentJobService batchSegmentJobs;
  private final FilterService filters;
  private final DatasetService datasets;
  private final DatasetImportJobService imports;
  private final DatasetExportJobService exports;
  private final SolutionService solutions;

  public TagService(ResourceTags tags, BatchSegmentJobService batchSegmentJobs, FilterService filters,
      DatasetService datasets, DatasetImportJobService imports, DatasetExportJobService exports,
      SolutionService solutions) {
    this.tags = tags;
    this.batchSegmentJobs = batchSegmentJobs;
    this.filters = filters;
    this.datasets = datasets;
    this.imports = imports;
    this.exports = exports;
    this.solutions = solutions;
  }

  public void tag(TagResourceRequest request) {
    request.validate();
    checkExists(request.resourceArn());
    tags.add(request.resourceArn(), request.tags());
  }

  public void untag(UntagResourceRequest request) {
    request.validate();
    if (request.tagKeys().size() > ResourceTags.MAX_TAGS) {
      throw new TooManyTagKeysException("The request names " + request.tagKeys().size() + " tag keys; a resource "
          + "has at most " + ResourceTags.MAX_TAGS + ".");
    }
    checkExists(request.resourceArn());
    tags.remove(request.resourceArn(), request.tagKeys());
  }

  public ListTagsForResourceResponse list(ListTagsForResourceRequest request) {
    request.validate();
    checkExists(request.resourceArn());
    return new ListTagsForResourceResponse(tags.get(request.resourceArn()));
  }

  /** A solution ({@code solution/<name>}) or a version of one, trained here or declared. */
  private void checkSolutionExists(String arn, int parts) {
    if (parts == 2) {
      solutions.describeSolution(new DescribeSolutionRequest(arn));
    } else {
      try {
        solutions.describeSolutionVersion(new DescribeSolutionVersionRequest(arn));
      } catch (ResourceNotFoundException notTrainedHere) {
        batchSegmentJobs.checkSolutionVersion(arn, "resourceArn");
      }
    }
  }

  /** Describes the resource the ARN names, which throws ResourceNotFoundException when there is none. */
  private void checkExists(String arn) {
    String resource = arn.substring(arn.lastIndexOf(':') + 1);
    String type = resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource;
    switch (type) {
      case "batch-segment-job" -> batchSegmentJobs.describe(new DescribeBatchSegmentJobRequest(arn));
      case "filter" -> filters.describe(new DescribeFilterRequest(arn));
      case "schema" -> datasets.describeSchema(new DescribeSchemaRequest(arn));
      case "dataset-group" -> datasets.describeDatasetGroup(new DescribeDatasetGroupRequest(arn));
      case "dataset" -> datasets.describeDataset(new DescribeDatasetRequest(arn));
      case "event-tracker" -> datasets.describeEventTracker(new DescribeEventTrackerRequest(arn));
      case "dataset-import-job" -> imports.describe(new DescribeDatasetImportJobRequest(arn));
      case "dataset-export-job" -> exports.describe(new DescribeDatasetExportJobRequest(arn));
      case "solution" -> checkSolutionExists(arn, resource.split("/").length);
      default -> throw new ResourceNotFoundException("No resource " + arn + ": SegmentBeam keeps no resources of "
          + "type " + type + " to tag.");
    }
  }
}
