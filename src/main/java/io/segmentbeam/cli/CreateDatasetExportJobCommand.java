package io.segmentbeam.cli;

import io.segmentbeam.api.CreateDatasetExportJobRequest;
import io.segmentbeam.api.CreateDatasetExportJobResponse;
import io.segmentbeam.api.DatasetExportJob;
import io.segmentbeam.jobs.DatasetExportJobService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "create-dataset-export-job", sortOptions = false,
    description = {"Creates a dataset export job and runs it to ACTIVE or CREATE FAILED.",
        "Prints {\"datasetExportJobArn\": ...}. The records are written as CSV files with a header row under "
            + "<path>/<jobName>/.",
        "Options the command does not know (e.g. --runner=FlinkRunner) are passed to Beam."})
final class CreateDatasetExportJobCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin JobRequestOptions common;

  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Option(names = "--ingestion-mode", paramLabel = "MODE", description = "BULK, PUT (default) or ALL.")
  String ingestionMode;
  @Option(names = "--job-output", paramLabel = "JSON",
      description = "{\"s3DataDestination\": {\"path\": ..., \"kmsKeyArn\": ...}}")
  String jobOutput;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    CreateDatasetExportJobRequest request = common.request(command, CreateDatasetExportJobRequest.class, json -> {
      CliInput.putText(json, "datasetArn", datasetArn);
      CliInput.putText(json, "ingestionMode", ingestionMode);
      CliInput.putJson(command, json, "jobOutput", "--job-output", jobOutput);
    });
    PipelineOptions options = service.pipelineOptions(command, pipelineArgs, false);
    DatasetExportJob job = service.datasetExportJobs().create(request, options,
        arn -> JobReport.recorded(command, new CreateDatasetExportJobResponse(arn)));
    return JobReport.ended(command, job.jobName(), job.status(), job.failureReason(),
        "to " + DatasetExportJobService.outputFolder(job));
  }
}
