package io.segmentbeam.jobs;

import io.segmentbeam.api.BatchSegmentJob;
import io.segmentbeam.api.CreateBatchSegmentJobRequest;
import io.segmentbeam.api.DescribeBatchSegmentJobRequest;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.ListBatchSegmentJobsRequest;
import io.segmentbeam.api.ListBatchSegmentJobsResponse;
import io.segmentbeam.api.Recipe;
import io.segmentbeam.filter.FilterSpec;
import io.segmentbeam.pipeline.JobTimings;
import io.segmentbeam.registry.SolutionVersion;
import io.segmentbeam.registry.SolutionVersionLookup;
import io.segmentbeam.storage.JobStorage;
import io.segmentbeam.store.ArnScope;
import io.segmentbeam.store.ResourceTags;
import io.segmentbeam.store.Documents;
import io.segmentbeam.store.JobOutputs;
import io.segmentbeam.store.JobRuns;
import io.segmentbeam.store.JobStore;
import io.segmentbeam.store.Resources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * The batch segment job operations: CreateBatchSegmentJob (which here also runs the job),
 * DescribeBatchSegmentJob and ListBatchSegmentJobs, with the API's validation and errors.
 */
public final class BatchSegmentJobService {
  static final String RESOURCE_TYPE = "batch-segment-job";

  private final Resources<BatchSegmentJob> jobs;
  private final JobRuns runs;
  private final JobOutputs outputs;
  private final OrphanRecovery<BatchSegmentJob> orphans;
  private final SolutionVersionLookup solutionVersions;
  private final ResourceTags tags;
  private final Supplier<FilterService> filters;
  private final JobQuota quota;
  private final ArnScope scope;

  /**
   * @param filters the filter service, made only when a job names a filter
   * @param storage options that reach the jobs' storage (S3 access), to end orphaned jobs with
   * @param quota how many batch segment jobs may be pending or in progress at once
   */
  public BatchSegmentJobService(Documents home, ArnScope scope,
      SolutionVersionLookup solutionVersions,
      Supplier<FilterService> filters, Supplier<PipelineOptions> storage, int quota) {
    this.quota = new JobQuota("batch segment jobs", quota);
    this.scope = scope;
    this.tags = new ResourceTags(home, scope);
    this.jobs = new Resources<>(home, scope, RESOURCE_TYPE, "batchSegmentJobArn", BatchSegmentJob.class,
        BatchSegmentJob::jobName, BatchSegmentJob::batchSegmentJobArn, BatchSegmentJob::creationDateTime);
    this.runs = new JobRuns(home, scope, RESOURCE_TYPE);
    this.outputs = new JobOutputs(home, scope, RESOURCE_TYPE);
    this.orphans = new OrphanRecovery<>(runs, BatchSegmentJob::jobName, BatchSegmentJob::creationDateTime,
        jobs::update, job -> JobStorage.of(storage.get(), job.jobOutput().s3DataDestination().kmsKeyArn()),
        OrphanRecovery.publish());
    this.solutionVersions = solutionVersions;
    this.filters = filters;
  }

  /** The result of a create: the job's final metadata, the pipeline's counters and where its time went. */
  public record Created(BatchSegmentJob job, Map<String, Long> counters, JobTimings timings) {}

  /**
   * Validates and records the job, tells {@code recorded} its ARN, then runs it to ACTIVE or
   * CREATE FAILED. Request errors are thrown before anything is recorded; a job that cannot run is
   * recorded as CREATE FAILED.
   */
  public Created create(CreateBatchSegmentJobRequest request, PipelineOptions options, Consumer<String> recorded) {
    request.validate();
    SolutionVersion solutionVersion = checkSolutionVersion(request.solutionVersionArn(), "solutionVersionArn");
    FilterSpec filter = filterFor(request.filterArn(), solutionVersion);
    BatchSegmentJob pending = BatchSegmentJob.pending(jobs.arn(request.jobName()), request, Timestamps.now());
    quota.check(jobs, orphans);
    jobs.create(pending);
    tags.add(pending.batchSegmentJobArn(), request.tags());
    BatchSegmentJobRunner.Outcome outcome;
    try (JobRun run = new JobRun(runs, pending.jobName(),
        () -> orphans.abandon(jobs.get(pending.batchSegmentJobArn()), RunningJobs.STOPPED))) {
      recorded.accept(pending.batchSegmentJobArn());
      outcome = new BatchSegmentJobRunner(options).run(pending, solutionVersion, filter, jobs::update, run);
    }
    if (outcome.published() != null) {
      outputs.put(pending.jobName(), outcome.published());
    }
    return new Created(outcome.job(), outcome.counters(), outcome.timings());
  }

  /**
   * The declared solution version of an ARN, or ResourceNotFoundException naming {@code field}: as
   * in AWS, a solution version of another region or account is not found from this one.
   */
  public SolutionVersion checkSolutionVersion(String arn, String field) {
    return solutionVersions.require(arn, field, scope);
  }

  /**
   * What a filter ARN means now for a job of this solution version, as a new job would apply it;
   * null for no filter.
   */
  public FilterSpec filterFor(String filterArn, SolutionVersion solutionVersion) {
    return filterArn == null ? null : filters.get().forJob(filterArn, solutionVersion.recipe().answersAttributes());
  }

  /** The ARN a job of this name has in this store's region and account. */
  public String arnOf(String jobName) {
    return scope.arn(RESOURCE_TYPE, jobName);
  }

  public BatchSegmentJob describe(DescribeBatchSegmentJobRequest request) {
    request.validate();
    return orphans.recover(jobs.get(request.batchSegmentJobArn()));
  }

  /**
   * The locations of the files an ACTIVE job published, by the record it made as it published
   * them, each still there with the size it had: the output folder may hold other files, or the
   * job's own may have been replaced since. Otherwise IllegalArgumentException says why, and what
   * to do {@code purpose} (e.g. "to evaluate it").
   */
  public List<String> publishedFiles(BatchSegmentJob job, String purpose) throws IOException {
    if (!JobStatus.ACTIVE.equals(job.status())) {
      throw new IllegalArgumentException("batch segment job " + job.batchSegmentJobArn() + " is " + job.status()
          + ": only an ACTIVE job's output can be read " + purpose);
    }
    JobOutputs.Published published = outputs.find(job.jobName()).orElseThrow(() -> new IllegalArgumentException(
        "no record of the files batch segment job " + job.batchSegmentJobArn() + " published (a job run before "
            + "SegmentBeam kept that record, or finished by another command after its own process died, has none): "
            + "run the job again " + purpose));
    List<String> files = new ArrayList<>();
    for (JobOutputs.File file : published.files()) {
      String location = published.outputFolder() + file.name();
      MatchResult match = FileSystems.match(location, EmptyMatchTreatment.ALLOW);
      long size = match.status() == MatchResult.Status.OK && match.metadata().size() == 1
          ? match.metadata().get(0).sizeBytes() : -1;
      if (size != file.sizeBytes()) {
        throw new IllegalArgumentException("the job published " + location + " (" + file.sizeBytes()
            + " bytes), which " + (size < 0 ? "is no longer there" : "has changed since (" + size + " bytes now)")
            + ": run the job again " + purpose);
      }
      files.add(location);
    }
    return files;
  }

  public ListBatchSegmentJobsResponse list(ListBatchSegmentJobsRequest request) {
    request.validate();
    JobStore.Page<BatchSegmentJob> page = jobs.list(request, "solutionVersionArn", request.solutionVersionArn(),
        BatchSegmentJob::solutionVersionArn);
    return new ListBatchSegmentJobsResponse(
        page.items().stream().map(orphans::recover).map(BatchSegmentJob::summary).toList(), page.nextToken());
  }

}
