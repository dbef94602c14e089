package io.segmentbeam.cli;

import io.segmentbeam.api.CreateDatasetImportJobRequest;
import io.segmentbeam.api.CreateDatasetImportJobResponse;
import io.segmentbeam.api.DatasetImportJob;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

  @Option(names = "--cli-input-json", paramLabel = "JSON",
      description = "The CreateDatasetImportJob request, inline or as file://request.json. Other options override it.")
  String cliInputJson;

  @Option(names = "--job-name", paramLabel = "NAME") String jobName;
  @Option(names = "--dataset-arn", paramLabel = "ARN") String datasetArn;
  @Option(names = "--data-source", paramLabel = "JSON", description = "{\"dataLocation\": \"s3://bucket/file.csv\"}")
  String dataSource;
  @Option(names = "--role-arn", paramLabel = "ARN") String roleArn;
  @Option(names = "--import-mode", paramLabel = "MODE", description = "FULL (default) or INCREMENTAL.")
  String importMode;
  @Option(names = "--tags", paramLabel = "JSON", description = "[{\"tagKey\": ..., \"tagValue\": ...}]") String tags;

  @Mixin ServiceOptions service;

  @Unmatched List<String> pipelineArgs = new ArrayList<>();

  @Override
  public Integer call() {
    CommandLine command = spec.commandLine();
    CreateDatasetImportJobRequest request = CliInput.request(command, cliInputJson,
        CreateDatasetImportJobRequest.class, json -> {
          CliInput.putText(json, "jobName", jobName);
          CliInput.putText(json, "datasetArn", datasetArn);
          CliInput.putJson(command, json, "dataSource", "--data-source", dataSource);
          CliInput.putText(json, "roleArn", roleArn);
          CliInput.putText(json, "importMode", importMode);
          CliInput.putJson(command, json, "tags", "--tags", tags);
        });
    DatasetImportJob job = service.datasetImportJobs().create(request, service.pipelineOptions(command, pipelineArgs, false));
    return JobReport.print(command, new CreateDatasetImportJobResponse(job.datasetImportJobArn()), job.jobName(),
        job.status(), job.failureReason(), "");
  }
}
