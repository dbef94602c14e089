package io.segmentbeam.jobs;

import io.segmentbeam.api.CreateDatasetImportJobRequest;
import io.segmentbeam.api.DatasetImportJob;
import io.segmentbeam.api.DescribeDatasetImportJobRequest;
import io.segmentbeam.api.InvalidInputException;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.ResourceInUseException;
import io.segmentbeam.api.ListDatasetImportJobsRequest;
import io.segmentbeam.api.ListDatasetImportJobsResponse;
import io.segmentbeam.dataset.DatasetVersions;
import io.segmentbeam.dataset.RecordOrigin;
import io.segmentbeam.dataset.transfer.DatasetUpdate;
import io.segmentbeam.storage.ListedFile;
import io.segmentbeam.storage.Listing;
import io.segmentbeam.store.ArnScope;
import io.segmentbeam.store.ResourceTags;
import io.segmentbeam.store.Documents;
import io.segmentbeam.store.JobRuns;
import io.segmentbeam.store.JobStore;
import io.segmentbeam.store.Resources;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import io.segmentbeam.storage.JobStorage;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The dataset import job operations: CreateDatasetImportJob (which here also runs the job),
 * DescribeDatasetImportJob and ListDatasetImportJobs. An import writes a new version of the
 * dataset with the {@link DatasetUpdate} pipeline and makes it current only if every row was good,
 * so a failed import leaves the dataset as it was.
 */
public final class DatasetImportJobService {
  private static final String RESOURCE_TYPE = "dataset-import-job";
  private final Resources<DatasetImportJob> jobs;
  private final JobRuns runs;
  private final OrphanRecovery<DatasetImportJob> orphans;
  private final DatasetService datasets;
  private final JobQuota quota;
  private final ResourceTags tags;

  /**
   * @param storage options that reach the jobs' storage (S3 access), to end orphaned jobs with
   * @param quota how many of these jobs may be pending or in progress at once
   */
  public DatasetImportJobService(Documents home, ArnScope scope, DatasetService datasets,
      Supplier<PipelineOptions> storage, int quota) {
    this.tags = new ResourceTags(home, scope);
    this.quota = new JobQuota("dataset import jobs", quota);
    this.jobs = new Resources<>(home, scope, RESOURCE_TYPE, "datasetImportJobArn", DatasetImportJob.class,
        DatasetImportJob::jobName, DatasetImportJob::datasetImportJobArn, DatasetImportJob::creationDateTime);
    this.runs = new JobRuns(home, scope, RESOURCE_TYPE);
    // An import whose runner died while committing is ACTIVE if its version became current.
    this.orphans = new OrphanRecovery<>(runs, DatasetImportJob::jobName, DatasetImportJob::creationDateTime,
        jobs::update, job -> JobStorage.of(storage.get(), null), (job, run, jobStorage) ->
            datasets.writable(job.datasetArn(), "datasetArn").versions().current()
                .equals(run.staging().stream().findFirst()));
    this.datasets = datasets;
  }

  /** Validates and records the job, tells {@code recorded} its ARN, then runs it to ACTIVE or CREATE FAILED. */
  public DatasetImportJob create(CreateDatasetImportJobRequest request, PipelineOptions options,
      Consumer<String> recorded) {
    request.validate();
    DatasetService.StoredDataset target = datasets.writable(request.datasetArn(), "datasetArn");
    boolean full = request.effectiveImportMode().equals("FULL");
    if (!full && jobs.all(request.datasetArn(), DatasetImportJob::datasetArn).stream()
        .noneMatch(job -> JobStatus.ACTIVE.equals(job.status()))) {
      throw new InvalidInputException("importMode INCREMENTAL adds to bulk records imported before, and dataset "
          + request.datasetArn() + " has none yet: its first import must be FULL.");
    }
    checkNoImportRunning(request.datasetArn());
    DatasetImportJob pending =
        DatasetImportJob.pending(jobs.arn(request.jobName()), request, Timestamps.now());
    quota.check(jobs, orphans);
    jobs.create(pending);
    tags.add(pending.datasetImportJobArn(), request.tags());
    try (JobRun run = new JobRun(runs, pending.jobName(),
        () -> orphans.abandon(jobs.get(pending.datasetImportJobArn()), RunningJobs.STOPPED))) {
      recorded.accept(pending.datasetImportJobArn());
      return JobLifecycle.run(pending, jobs::update, run, job -> importRecords(target, request, full, options, job));
    }
  }

  /** One import at a time per dataset, as in Personalize: another while one is unfinished is ResourceInUseException. */
  private void checkNoImportRunning(String datasetArn) {
    jobs.all(datasetArn, DatasetImportJob::datasetArn).stream().map(orphans::recover)
        .filter(job -> JobStatus.CREATE_PENDING.equals(job.status())
            || JobStatus.CREATE_IN_PROGRESS.equals(job.status()))
        .findFirst().ifPresent(running -> {
          throw new ResourceInUseException("Dataset " + datasetArn + " has an import job that has not ended, "
              + running.datasetImportJobArn() + " (" + running.status() + "). Wait for it to end, then create the "
              + "import job again.");
        });
  }

  public DatasetImportJob describe(DescribeDatasetImportJobRequest request) {
    request.validate();
    return orphans.recover(jobs.get(request.datasetImportJobArn()));
  }

  public ListDatasetImportJobsResponse list(ListDatasetImportJobsRequest request) {
    request.validate();
    JobStore.Page<DatasetImportJob> page =
        jobs.list(request, "datasetArn", request.datasetArn(), DatasetImportJob::datasetArn);
    return new ListDatasetImportJobsResponse(
        page.items().stream().map(orphans::recover).map(DatasetImportJob::summary).toList(),
        page.nextToken());
  }

  /**
   * FULL replaces the bulk records and keeps those put one by one, as in Personalize; INCREMENTAL
   * keeps both. Either way a user or item imported again replaces its earlier record.
   */
  private static void importRecords(DatasetService.StoredDataset target, CreateDatasetImportJobRequest request,
      boolean full, PipelineOptions options, JobRun run) throws JobFailure {
    String field = "dataSource.dataLocation";
    String location = JobLocations.absolute(request.dataSource().dataLocation());
    JobLocations.checkReadable(options, location, field);
    List<String> files = importFiles(location, field, options);
    DatasetVersions versions = target.versions();
    String version = versions.newVersion(request.jobName());
    run.staged(version, null, List.of());
    DatasetUpdate.Result result;
    try {
      String current = versions.current().orElse(null);
      Set<RecordOrigin> kept = full ? Set.of(RecordOrigin.PUT) : Set.of(RecordOrigin.BULK, RecordOrigin.PUT);
      result = DatasetUpdate.run(JobStorage.of(options, null), new DatasetUpdate.Spec(target.schema(), current, kept, files,
          List.of(), version));
      if (result.problems() == 0) {
        run.publishing();
        versions.commit(version, current);
        return;
      }
    } catch (DatasetVersions.ConcurrentUpdateException e) {
      JobLocations.removeOrWarn(options, version);
      throw new JobFailure("Nothing was imported into " + request.datasetArn() + ": another import or put changed "
          + "its records while this import ran (" + e.getMessage() + "). Import again; one import at a time per "
          + "dataset keeps every record.", e);
    } catch (IOException | RuntimeException e) {
      JobLocations.removeOrWarn(options, version);
      throw JobFailure.ofPipeline("import", e);
    }
    JobLocations.removeOrWarn(options, version);
    throw new JobFailure("Found " + result.problems() + " problem" + (result.problems() == 1 ? "" : "s") + " in the "
        + result.rowsRead() + " rows read at " + field + " " + location + " (a file whose header is wrong is one "
        + "problem, and its rows are not read), so nothing was imported into " + request.datasetArn()
        + ". First problems: " + String.join("; ", result.firstProblems()) + ". Fix them and import again.");
  }

  /**
   * The CSV files an import reads, listed literally: the file itself, or the data files directly in
   * a folder ending in {@code /} (not those named {@code _*} or {@code .*}).
   */
  private static List<String> importFiles(String location, String field, PipelineOptions options) throws JobFailure {
    List<String> files;
    try {
      files = Listing.files(location, options).stream().map(ListedFile::path).toList();
    } catch (IOException e) {
      throw new JobFailure("Cannot read " + field + " " + location + ": " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new JobFailure("No CSV files found at " + field + " " + location + ". Give a CSV file, or a folder "
          + "ending in / that holds them.");
    }
    return files;
  }

}
