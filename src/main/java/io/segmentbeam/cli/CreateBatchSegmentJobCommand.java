package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.ApiJson;
import io.segmentbeam.api.CreateBatchSegmentJobRequest;
import io.segmentbeam.api.CreateBatchSegmentJobResponse;
import io.segmentbeam.jobs.BatchSegmentJobService;
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

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The CreateBatchSegmentJob request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--job-name", paramLabel = "NAME") String jobName;
  @Option(names = "--solution-version-arn", paramLabel = "ARN") String solutionVersionArn;
  @Option(names = "--filter-arn", paramLabel = "ARN") String filterArn;
  @Option(names = "--num-results", paramLabel = "N") Integer numResults;
  @Option(names = "--job-input", paramLabel = "JSON", description = "{\"s3DataSource\": {\"path\": ..., \"kmsKeyArn\": ...}}")
  String jobInput;
  @Option(names = "--job-output", paramLabel = "JSON",
      description = "{\"s3DataDestination\": {\"path\": ..., \"kmsKeyArn\": ...}}")
  String jobOutput;
  @Option(names = "--role-arn", paramLabel = "ARN") String roleArn;
  @Option(names = "--tags", paramLabel = "JSON", description = "[{\"tagKey\": ..., \"tagValue\": ...}]") String tags;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    CreateBatchSegmentJobRequest request = ApiJson.readRequest(requestJson(command), CreateBatchSegmentJobRequest.class);
    PipelineOptions options = service.pipelineOptions(command, pipelineArgs, true);
    BatchSegmentJobService.Created created = service.batchSegmentJobs().create(request, options);
    return JobReport.print(command, new CreateBatchSegmentJobResponse(created.job().batchSegmentJobArn()),
        created.job().jobName(), created.job().status(), created.job().failureReason(), summary(created.counters()));
  }

  private JsonNode requestJson(CommandLine command) {
    ObjectNode request = CliInput.request(command, cliInputJson);
    CliInput.putText(request, "jobName", jobName);
    CliInput.putText(request, "solutionVersionArn", solutionVersionArn);
    CliInput.putText(request, "filterArn", filterArn);
    CliInput.putText(request, "roleArn", roleArn);
    if (numResults != null) {
      request.put("numResults", numResults);
    }
    CliInput.putJson(command, request, "jobInput", "--job-input", jobInput);
    CliInput.putJson(command, request, "jobOutput", "--job-output", jobOutput);
    CliInput.putJson(command, request, "tags", "--tags", tags);
    return request;
  }

  private static String summary(Map<String, Long> counters) {
    StringBuilder text = new StringBuilder();
    counters.forEach((name, value) -> text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(value));
    return "(" + text + ")";
  }
}
