package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.PersonalizeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code segmentbeam} command. Subcommands are named like the AWS CLI's Personalize commands
 * and print the same JSON; exit codes follow the AWS CLI's: 252 for a malformed command line,
 * 253 for a bad configuration, 254 for an error the API returns (printed as
 * {@code {"__type": ..., "message": ...}} on stderr), 255 for anything unexpected, and 1 for a
 * job that ended CREATE FAILED.
 */
@Command(name = "segmentbeam", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    version = "SegmentBeam 0.1.0",
    description = "Amazon Personalize batch segment jobs as an Apache Beam pipeline.",
    subcommands = {
        CreateBatchSegmentJobCommand.class,
        CreateSolutionVersionCommand.class,
        EvaluateCommand.class,
        DescribeBatchSegmentJobCommand.class,
        ListBatchSegmentJobsCommand.class,
        CreateFilterCommand.class,
        DescribeFilterCommand.class,
        ListFiltersCommand.class,
        CreateSchemaCommand.class,
        DescribeSchemaCommand.class,
        ListSchemasCommand.class,
        CreateDatasetGroupCommand.class,
        DescribeDatasetGroupCommand.class,
        ListDatasetGroupsCommand.class,
        CreateDatasetCommand.class,
        DescribeDatasetCommand.class,
        ListDatasetsCommand.class,
        CreateEventTrackerCommand.class,
        DescribeEventTrackerCommand.class,
        ListEventTrackersCommand.class,
        CreateDatasetImportJobCommand.class,
        DescribeDatasetImportJobCommand.class,
        ListDatasetImportJobsCommand.class,
        CreateDatasetExportJobCommand.class,
        DescribeDatasetExportJobCommand.class,
        ListDatasetExportJobsCommand.class,
        PutEventsCommand.class,
        PutUsersCommand.class,
        PutItemsCommand.class,
        GenerateSampleDataCommand.class,
        BenchCommand.class,
        ConvertFactorsCommand.class,
        CommandLine.HelpCommand.class})
public final class SegmentBeamCli {
  static final int USAGE_ERROR = 252;
  static final int CONFIGURATION_ERROR = 253;
  static final int SERVICE_ERROR = 254;
  static final int INTERNAL_ERROR = 255;

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs one command line and returns its exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine command = new CommandLine(new SegmentBeamCli())
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler((e, ignored) -> {
          e.getCommandLine().getErr().println("error: " + e.getMessage());
          e.getCommandLine().getErr().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName()
              + " --help' for usage.");
          return USAGE_ERROR;
        })
        .setExecutionExceptionHandler((e, failed, parsed) -> {
          if (e instanceof PersonalizeException apiError) {
            ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("__type", apiError.errorType())
                .put("message", apiError.getMessage());
            failed.getErr().println(CliJson.format(body));
            return SERVICE_ERROR;
          }
          if (e instanceof IllegalArgumentException config) {
            failed.getErr().println("error: " + config.getMessage());
            return CONFIGURATION_ERROR;
          }
          e.printStackTrace(failed.getErr());
          return INTERNAL_ERROR;
        });
    int code = command.execute(args);
    out.flush();
    err.flush();
    return code;
  }
}
