package io.segmentbeam.bench;

import io.segmentbeam.api.BatchSegmentJobInput;
import io.segmentbeam.api.BatchSegmentJobOutput;
import io.segmentbeam.api.CreateBatchSegmentJobRequest;
import io.segmentbeam.api.JobStatus;
import io.segmentbeam.api.S3DataConfig;
import io.segmentbeam.jobs.BatchSegmentJobService;
import io.segmentbeam.jobs.FilterService;
import io.segmentbeam.pipeline.JobTimings;
import io.segmentbeam.pipeline.ProductionDefaults;
import io.segmentbeam.pipeline.SegmentJobOptions;
import io.segmentbeam.registry.DatasetGroupRegistry;
import io.segmentbeam.registry.FilterDeclarations;
import io.segmentbeam.registry.SolutionVersionRegistry;
import io.segmentbeam.store.ArnScope;
import io.segmentbeam.store.LocalDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/** The benchmarks' batch segment job over a written {@link BenchScenario}, as the command line runs it. */
final class BenchJob {
  private static final ArnScope SCOPE = new ArnScope("aws", "us-east-1", "123456789012");

  private BenchJob() {}

  /**
   * Runs the job with the filter on the scenario under {@code work}, with Beam's {@code runnerArgs},
   * writing into {@code output}; its timings, once it is ACTIVE.
   */
  static JobTimings run(Path work, Path output, int numResults, List<String> runnerArgs) throws IOException {
    PipelineOptionsFactory.register(SegmentJobOptions.class);
    PipelineOptions options = PipelineOptionsFactory.fromArgs(ProductionDefaults.apply(runnerArgs, true))
        .as(SegmentJobOptions.class);
    FileSystems.setDefaultPipelineOptions(options);
    LocalDocuments store = new LocalDocuments(work.resolve("home"));
    BatchSegmentJobService jobs = new BatchSegmentJobService(store, SCOPE,
        SolutionVersionRegistry.load(work.resolve("solution-versions")),
        () -> new FilterService(store, SCOPE, DatasetGroupRegistry.load(work.resolve("dataset-groups")),
            FilterDeclarations.load(work.resolve("filters"))), () -> options, Integer.MAX_VALUE);
    CreateBatchSegmentJobRequest request = new CreateBatchSegmentJobRequest(BenchScenario.FILTER,
        new BatchSegmentJobInput(new S3DataConfig(null, work.resolve("input") + "/")),
        "bench-" + System.currentTimeMillis(), new BatchSegmentJobOutput(new S3DataConfig(null, output + "/")),
        numResults, "arn:aws:iam::123456789012:role/SegmentBeamBenchmark", BenchScenario.VERSION, null);
    BatchSegmentJobService.Created created = jobs.create(request, options, arn -> { });
    if (!JobStatus.ACTIVE.equals(created.job().status())) {
      throw new IOException("the benchmark job ended " + created.job().status() + ": "
          + created.job().failureReason());
    }
    return created.timings();
  }
}
