package io.segmentbeam.cli;

import io.segmentbeam.api.CreateBatchSegmentJobRequest;
import io.segmentbeam.api.CreateBatchSegmentJobResponse;
import io.segmentbeam.jobs.BatchSegmentJobService;
import io.segmentbeam.model.kernel.PanelScoringKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "create-batch-segment-job", sortOptions = false,
    description = {"Creates a batch segment job and runs it to ACTIVE or CREATE FAILED.",
        "Prints {\"batchSegmentJobArn\": ...}; the pipeline's counters go to stderr.",
        "Options the command does not know (e.g. --runner=FlinkRunner) are passed to Beam."})
final class CreateBatchSegmentJobCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin JobRequestOptions common;

  @Option(names = "--solution-version-arn", paramLabel = "ARN") String solutionVersionArn;
  @Option(names = "--filter-arn", paramLabel = "ARN") String filterArn;
  @Option(names = "--num-results", paramLabel = "N") Integer numResults;
  @Option(names = "--job-input", paramLabel = "JSON", description = "{\"s3DataSource\": {\"path\": ..., \"kmsKeyArn\": ...}}")
  String jobInput;
  @Option(names = "--job-output", paramLabel = "JSON",
      description = "{\"s3DataDestination\": {\"path\": ..., \"kmsKeyArn\": ...}}")
  String jobOutput;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    CreateBatchSegmentJobRequest request = common.request(command, CreateBatchSegmentJobRequest.class, json -> {
      CliInput.putText(json, "solutionVersionArn", solutionVersionArn);
      CliInput.putText(json, "filterArn", filterArn);
      if (numResults != null) {
        json.put("numResults", numResults);
      }
      CliInput.putJson(command, json, "jobInput", "--job-input", jobInput);
      CliInput.putJson(command, json, "jobOutput", "--job-output", jobOutput);
    });
    PipelineOptions options = service.pipelineOptions(command, pipelineArgs, true);
    BatchSegmentJobService.Created created = service.batchSegmentJobs().create(request, options,
        arn -> JobReport.recorded(command, new CreateBatchSegmentJobResponse(arn)));
    return JobReport.ended(command, created.job().jobName(), created.job().status(), created.job().failureReason(),
        summary(created.counters()));
  }

  /** The job's counters, and the arithmetic this JVM scores with (a user can see whether SIMD was used). */
  private static String summary(Map<String, Long> counters) {
    StringBuilder text = new StringBuilder();
    counters.forEach((name, value) -> text.append(name).append('=').append(value).append(", "));
    return "(" + text + "scoring=" + PanelScoringKernel.arithmetic() + ")";
  }
}
