package io.segmentbeam.cli;

import io.segmentbeam.api.CreateDatasetImportJobRequest;
import io.segmentbeam.api.CreateDatasetImportJobResponse;
import io.segmentbeam.api.DatasetImportJob;
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

@Command(name = "create-dataset-import-job", sortOptions = false,
    description = {"Creates a dataset import job and runs it to ACTIVE or CREATE FAILED.",
        "Prints {\"datasetImportJobArn\": ...}. Every row is checked against the dataset's schema; any bad row "
            + "fails the job and leaves the dataset as it was.",
        "Options the command does not know (e.g. --runner=FlinkRunner) are passed to Beam."})
final class CreateDatasetImportJobCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin JobRequestOptions common;

  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Option(names = "--data-source", paramLabel = "JSON", description = "{\"dataLocation\": \"s3://bucket/file.csv\"}")
  String dataSource;
  @Option(names = "--import-mode", paramLabel = "MODE", description = "FULL (default) or INCREMENTAL.")
  String importMode;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    CreateDatasetImportJobRequest request = common.request(command, CreateDatasetImportJobRequest.class, json -> {
      CliInput.putText(json, "datasetArn", datasetArn);
      CliInput.putJson(command, json, "dataSource", "--data-source", dataSource);
      CliInput.putText(json, "importMode", importMode);
    });
    PipelineOptions options = service.pipelineOptions(command, pipelineArgs, false);
    DatasetImportJob job = service.datasetImportJobs().create(request, options,
        arn -> JobReport.recorded(command, new CreateDatasetImportJobResponse(arn)));
    return JobReport.ended(command, job.jobName(), job.status(), job.failureReason(), "");
  }
}
