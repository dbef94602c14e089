package io.segmentbeam.cli;

import io.segmentbeam.jobs.BatchSegmentJobService;
import io.segmentbeam.jobs.DatasetExportJobService;
import io.segmentbeam.jobs.DatasetImportJobService;
import io.segmentbeam.jobs.DatasetService;
import io.segmentbeam.jobs.PutRecordsService;
import io.segmentbeam.jobs.SolutionService;
import io.segmentbeam.jobs.TagService;
import io.segmentbeam.pipeline.ProductionDefaults;
import io.segmentbeam.pipeline.SegmentJobOptions;
import io.segmentbeam.jobs.FilterService;
import io.segmentbeam.registry.DatasetGroupRegistry;
import io.segmentbeam.registry.FilterDeclarations;
import io.segmentbeam.registry.SolutionVersionLookup;
import io.segmentbeam.registry.SolutionVersionRegistry;
import io.segmentbeam.store.ArnScope;
import io.segmentbeam.store.Documents;
import io.segmentbeam.store.LocalDocuments;
import io.segmentbeam.store.ResourceTags;
import io.segmentbeam.store.S3Documents;
import io.segmentbeam.s3.S3Access;
import io.segmentbeam.service.Services;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine.Option;

/** Where job metadata and solution versions live, and the region and account ARNs are made in. */
final class ServiceOptions {

  @Option(names = "--region", paramLabel = "REGION", defaultValue = "${env:AWS_REGION:-${env:AWS_DEFAULT_REGION:-"
      + ArnScope.DEFAULT_REGION + "}}", description = "Region of the ARNs (default: $AWS_REGION, "
      + "$AWS_DEFAULT_REGION, else ${DEFAULT-VALUE}).")
  String region;

  @Option(names = "--account-id", paramLabel = "ACCOUNT", defaultValue = "${env:SEGMENTBEAM_ACCOUNT_ID:-"
      + ArnScope.DEFAULT_ACCOUNT_ID + "}", description = "Account id of the ARNs (default: $SEGMENTBEAM_ACCOUNT_ID, "
      + "else ${DEFAULT-VALUE}).")
  String accountId;

  @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:SEGMENTBEAM_HOME:-${sys:user.home}/.segmentbeam}",
      description = "Job store: a folder or an s3:// prefix (default: $SEGMENTBEAM_HOME, else ~/.segmentbeam).")
  String home;

  @Option(names = "--solution-versions", paramLabel = "DIR",
      defaultValue = "${env:SEGMENTBEAM_SOLUTION_VERSIONS:-pipelines/solution-versions}",
      description = "Folder of solution version declarations (default: ${DEFAULT-VALUE}).")
  Path solutionVersions;

  @Option(names = "--filters", paramLabel = "DIR", defaultValue = "${env:SEGMENTBEAM_FILTERS:-pipelines/filters}",
      description = "Folder of filter declarations (default: ${DEFAULT-VALUE}).")
  Path filters;

  @Option(names = "--dataset-groups", paramLabel = "DIR",
      defaultValue = "${env:SEGMENTBEAM_DATASET_GROUPS:-pipelines/dataset-groups}",
      description = "Folder of dataset group declarations (default: ${DEFAULT-VALUE}).")
  Path datasetGroups;

  @Option(names = "--endpoint-url", paramLabel = "URL",
      defaultValue = "${env:AWS_ENDPOINT_URL_S3:-${env:AWS_ENDPOINT_URL:-}}",
      description = "A custom S3 endpoint, e.g. http://127.0.0.1:9000 for a local S3-compatible server "
          + "(default: $AWS_ENDPOINT_URL_S3, else $AWS_ENDPOINT_URL, else AWS).")
  String endpointUrl;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "A profile from the AWS config files (default: the AWS SDK's default credentials chain).")
  String profile;

  @Option(names = "--s3-path-style", paramLabel = "BOOLEAN", arity = "1",
      description = "Path-style S3 addressing (default: true with --endpoint-url, else false).")
  Boolean s3PathStyle;

  @Option(names = "--job-quota", paramLabel = "N", defaultValue = "${env:SEGMENTBEAM_JOB_QUOTA:-5}",
      description = "How many jobs of each kind (batch segment, dataset import, dataset export) may be pending or "
          + "in progress at once, as Personalize's quota (default: $SEGMENTBEAM_JOB_QUOTA, else ${DEFAULT-VALUE}).")
  int jobQuota;

  ArnScope scope() {
    return new ArnScope("aws", region, accountId);
  }

  /** The S3 that {@code serve} runs itself, when its jobs use it; null otherwise. */
  private URI servedS3;

  /** How to reach S3; the file systems are set up with it so that s3:// paths work everywhere. */
  S3Access s3() {
    if (servedS3 != null) {
      return S3Access.localServer(region, servedS3);
    }
    return new S3Access(region, endpointUrl(), profile, s3PathStyle, false);
  }

  /** The S3 endpoint the options name, or null for AWS. */
  URI endpointUrl() {
    return endpointUrl == null || endpointUrl.isBlank() ? null : URI.create(endpointUrl);
  }

  /** Makes the jobs of this process reach S3 at the S3 server that {@code serve} runs at {@code backend}. */
  void useServedS3(URI backend) {
    this.servedS3 = backend;
  }

  /** Options that reach the storage of jobs (S3 access), for commands that run no pipeline. */
  PipelineOptions storageOptions() {
    return s3().applyTo(PipelineOptionsFactory.create());
  }

  /** Makes s3:// paths readable and writable for commands that run no pipeline. */
  void registerFileSystems() {
    s3().applyTo(PipelineOptionsFactory.create());
  }

  /** The job store's documents, in a local folder or under an S3 prefix. */
  Documents store() {
    if (!home.startsWith("s3://")) {
      return new LocalDocuments(Path.of(home));
    }
    URI location = URI.create(home.endsWith("/") ? home : home + "/");
    return new S3Documents(s3().client(), location.getHost(), location.getPath().substring(1));
  }

  BatchSegmentJobService batchSegmentJobs() {
    registerFileSystems();
    return new BatchSegmentJobService(store(), scope(), solutionVersionLookup(), this::filters,
        this::storageOptions, jobQuota);
  }

  /** Declared solution versions, then (with a local home) the ones trained under it. */
  SolutionVersionLookup solutionVersionLookup() {
    SolutionVersionLookup versions = SolutionVersionRegistry.load(solutionVersions);
    return home.startsWith("s3://") ? versions
        : versions.orElse(SolutionVersionRegistry.trainedIn(SolutionService.trainedDeclarations(home, scope())));
  }

  FilterService filters() {
    return new FilterService(store(), scope(), datasets(), FilterDeclarations.load(filters));
  }

  /** Schemas, dataset groups, datasets and event trackers, declared or created. */
  DatasetService datasets() {
    registerFileSystems();
    return new DatasetService(store(), scope(), DatasetGroupRegistry.load(datasetGroups));
  }

  DatasetImportJobService datasetImportJobs() {
    return new DatasetImportJobService(store(), scope(), datasets(), this::storageOptions, jobQuota);
  }

  DatasetExportJobService datasetExportJobs() {
    return new DatasetExportJobService(store(), scope(), datasets(), this::storageOptions, jobQuota);
  }

  PutRecordsService putRecords() {
    return new PutRecordsService(datasets());
  }

  /** Tagging of every resource the store keeps. */
  TagService tags() {
    DatasetService datasets = datasets();
    return tags(batchSegmentJobs(), filters(), datasets, datasetImportJobs(), datasetExportJobs(), solutions(datasets));
  }

  private TagService tags(BatchSegmentJobService batchSegmentJobs, FilterService filters, DatasetService datasets,
      DatasetImportJobService imports, DatasetExportJobService exports, SolutionService solutions) {
    return new TagService(new ResourceTags(store(), scope()), batchSegmentJobs, filters, datasets, imports, exports,
        solutions);
  }

  /** AWS's training flow: solutions and their versions. */
  SolutionService solutions() {
    return solutions(datasets());
  }

  private SolutionService solutions(DatasetService datasets) {
    return new SolutionService(home, store(), scope(), datasets, solutionVersionLookup(), this::storageOptions);
  }

  /** Every service, for the endpoint; each job gets fresh pipeline options from {@code args}. */
  Services services(CommandLine command, List<String> args) {
    BatchSegmentJobService batchSegmentJobs = batchSegmentJobs();
    FilterService filters = filters();
    DatasetService datasets = datasets();
    DatasetImportJobService imports = datasetImportJobs();
    DatasetExportJobService exports = datasetExportJobs();
    SolutionService solutions = solutions(datasets);
    return new Services(batchSegmentJobs, filters, datasets, imports, exports, putRecords(),
        tags(batchSegmentJobs, filters, datasets, imports, exports, solutions), solutions, () -> pipelineOptions(command, args, true), () -> pipelineOptions(command, args, false));
  }

  /**
   * The options of the pipelines a command runs: the arguments it did not know (e.g.
   * {@code --runner=FlinkRunner}), the Direct runner's production defaults (for a pipeline that
   * scores, or not), and S3 access.
   */
  PipelineOptions pipelineOptions(CommandLine command, List<String> args, boolean scoring) {
    PipelineOptionsFactory.register(SegmentJobOptions.class);
    PipelineArgs.check(command, args);
    try {
      return s3().applyTo(PipelineOptionsFactory.fromArgs(ProductionDefaults.apply(args, scoring))
          .withValidation().as(SegmentJobOptions.class));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(command, "Invalid pipeline option: " + e.getMessage());
    }
  }
}
