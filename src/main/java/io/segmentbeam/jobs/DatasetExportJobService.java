package io.segmentbeam.jobs;

import io.segmentbeam.api.CreateDatasetExportJobRequest;
import io.segmentbeam.api.DatasetExportJob;
import io.segmentbeam.api.DescribeDatasetExportJobRequest;
import io.segmentbeam.api.ListDatasetExportJobsRequest;
import io.segmentbeam.api.ListDatasetExportJobsResponse;
import io.segmentbeam.api.S3DataConfig;
import io.segmentbeam.dataset.RecordOrigin;
import io.segmentbeam.dataset.transfer.DatasetExport;
import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.storage.StagingFolder;
import io.segmentbeam.store.ArnScope;
import io.segmentbeam.store.ResourceTags;
import io.segmentbeam.store.Documents;
import io.segmentbeam.store.JobRuns;
import io.segmentbeam.store.JobStore;
import io.segmentbeam.store.Resources;
import java.io.IOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The dataset export job operations: CreateDatasetExportJob (which here also runs the job),
 * DescribeDatasetExportJob and ListDatasetExportJobs. An export writes the dataset's current
 * records of the chosen origin (BULK, PUT or ALL) as CSV files with a header row under
 * {@code <path>/<jobName>/}, with SSE-KMS under the destination's key.
 */
public final class DatasetExportJobService {
  private static final String RESOURCE_TYPE = "dataset-export-job";
  private final Resources<DatasetExportJob> jobs;
  private final JobRuns runs;
  private final OrphanRecovery<DatasetExportJob> orphans;
  private final DatasetService datasets;
  private final JobQuota quota;
  private final ResourceTags tags;

  /**
   * @param storage options that reach the jobs' storage (S3 access), to end orphaned jobs with
   * @param quota how many of these jobs may be pending or in progress at once
   */
  public DatasetExportJobService(Documents home, ArnScope scope, DatasetService datasets,
      Supplier<PipelineOptions> storage, int quota) {
    this.tags = new ResourceTags(home, scope);
    this.quota = new JobQuota("dataset export jobs", quota);
    this.jobs = new Resources<>(home, scope, RESOURCE_TYPE, "datasetExportJobArn", DatasetExportJob.class,
        DatasetExportJob::jobName, DatasetExportJob::datasetExportJobArn, DatasetExportJob::creationDateTime);
    this.runs = new JobRuns(home, scope, RESOURCE_TYPE);
    this.orphans = new OrphanRecovery<>(runs, DatasetExportJob::jobName, DatasetExportJob::creationDateTime,
        jobs::update, job -> JobStorage.of(storage.get(), job.jobOutput().s3DataDestination().kmsKeyArn()),
        OrphanRecovery.publish());
    this.datasets = datasets;
  }

  /** Validates and records the job, tells {@code recorded} its ARN, then runs it to ACTIVE or CREATE FAILED. */
  public DatasetExportJob create(CreateDatasetExportJobRequest request, PipelineOptions options,
      Consumer<String> recorded) {
    request.validate();
    DatasetService.StoredDataset source = datasets.stored(request.datasetArn(), "datasetArn");
    DatasetExportJob pending = DatasetExportJob.pending(jobs.arn(request.jobName()), request, Timestamps.now());
    quota.check(jobs, orphans);
    jobs.create(pending);
    tags.add(pending.datasetExportJobArn(), request.tags());
    try (JobRun run = new JobRun(runs, pending.jobName(),
        () -> orphans.abandon(jobs.get(pending.datasetExportJobArn()), RunningJobs.STOPPED))) {
      recorded.accept(pending.datasetExportJobArn());
      return JobLifecycle.run(pending, jobs::update, run, job -> export(source, pending, options, job));
    }
  }

  public DatasetExportJob describe(DescribeDatasetExportJobRequest request) {
    request.validate();
    return orphans.recover(jobs.get(request.datasetExportJobArn()));
  }

  public ListDatasetExportJobsResponse list(ListDatasetExportJobsRequest request) {
    request.validate();
    JobStore.Page<DatasetExportJob> page =
        jobs.list(request, "datasetArn", request.datasetArn(), DatasetExportJob::datasetArn);
    return new ListDatasetExportJobsResponse(
        page.items().stream().map(orphans::recover).map(DatasetExportJob::summary).toList(),
        page.nextToken());
  }

  /** The folder an export job writes its files to. */
  public static String outputFolder(DatasetExportJob job) {
    return JobLocations.folder(job.jobOutput().s3DataDestination().path()) + job.jobName() + "/";
  }

  /**
   * Writes the files into the job's staging folder beside {@code <path>/<jobName>/}, then publishes
   * them there once all are complete; a failed export removes its staging folder and nothing else.
   */
  private static void export(DatasetService.StoredDataset source, DatasetExportJob job, PipelineOptions options,
      JobRun run) throws JobFailure {
    S3DataConfig destination = job.jobOutput().s3DataDestination();
    JobStorage storage = JobStorage.of(options, destination.kmsKeyArn());
    String field = "jobOutput.s3DataDestination.path";
    String path = JobLocations.folder(destination.path());
    JobLocations.prepareOutput(options, path, field);
    StagingFolder staging = JobLocations.stage(storage, path, job.jobName(), field, run);
    try {
      JobLocations.checkEncryptionKey(storage, staging.folder());
      Set<RecordOrigin> origins = switch (job.ingestionMode()) {
        case "BULK" -> Set.of(RecordOrigin.BULK);
        case "PUT" -> Set.of(RecordOrigin.PUT);
        default -> Set.of(RecordOrigin.BULK, RecordOrigin.PUT);
      };
      PipelineResult.State state;
      try {
        state = DatasetExport.run(storage, source.schema(), source.recordsPattern(), source.originOfAll(), origins,
            staging.filesFolder(), job.jobName() + "/part");
      } catch (IOException | RuntimeException e) {
        throw JobFailure.ofPipeline("export", e);
      }
      if (state != PipelineResult.State.DONE) {
        throw new JobFailure("The export pipeline ended in state " + state + " instead of DONE.");
      }
      try {
        run.publishing();
        staging.publish();
      } catch (IOException e) {
        throw new JobFailure("Cannot move the finished export files into " + field + " " + outputFolder(job) + ": "
            + JobFailure.rootMessage(e) + "; nothing was published.", e);
      }
    } finally {
      JobLocations.removeStaging(options, staging);
    }
  }
}
