package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.PersonalizeException;
import io.segmentbeam.api.SecretMasking;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code segmentbeam} command. Subcommands are named like the AWS CLI's Personalize commands
 * and print the same JSON; exit codes follow the AWS CLI's: 252 for a malformed command line,
 * 253 for a bad configuration, 254 for an error the API returns (printed as
 * {@code {"__type": ..., "message": ...}} on stderr), 255 for anything unexpected (one line; the
 * stack trace only with {@code --debug}), and 1 for a job that ended CREATE FAILED.
 */
@Command(name = "segmentbeam", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    version = "SegmentBeam 0.1.0",
    description = "Amazon Personalize batch segment jobs as an Apache Beam pipeline.",
    footer = "Add --debug to any command to print the stack trace of an unexpected failure.",
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
        ServeCommand.class,
        GenerateSampleDataCommand.class,
        BenchCommand.class,
        BenchEndpointCommand.class,
        ConvertFactorsCommand.class,
        CommandLine.HelpCommand.class})
public final class SegmentBeamCli {
  static final int USAGE_ERROR = 252;
  static final int CONFIGURATION_ERROR = 253;
  static final int SERVICE_ERROR = 254;
  static final int INTERNAL_ERROR = 255;
  /** Prints the stack trace of a failure, for a bug report. */
  static final String DEBUG = "--debug";

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs one command line and returns its exit code. No failure prints a stack trace unless the
   * line holds {@code --debug} (as with the AWS CLI); every message printed has its credentials masked.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains(DEBUG);
    String[] commandArgs = Arrays.stream(args).filter(arg -> !arg.equals(DEBUG)).toArray(String[]::new);
    CommandLine command = new CommandLine(new SegmentBeamCli())
        .setOut(out)
        .setErr(err)
        .setParameterExceptionHandler((e, ignored) -> {
          e.getCommandLine().getErr().println("error: " + SecretMasking.mask(e.getMessage()));
          e.getCommandLine().getErr().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName()
              + " --help' for usage.");
          return USAGE_ERROR;
        })
        .setExecutionExceptionHandler((e, failed, parsed) -> {
          if (debug) {
            e.printStackTrace(failed.getErr());
          }
          if (e instanceof PersonalizeException apiError) {
            ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("__type", apiError.errorType())
                .put("message", SecretMasking.mask(apiError.getMessage()));
            failed.getErr().println(CliJson.format(body));
            return SERVICE_ERROR;
          }
          if (e instanceof IllegalArgumentException config) {
            failed.getErr().println("error: " + SecretMasking.mask(config.getMessage()));
            return CONFIGURATION_ERROR;
          }
          failed.getErr().println("error: SegmentBeam failed unexpectedly: " + SecretMasking.mask(describe(e))
              + (debug ? "" : " (run again with --debug for the stack trace)"));
          return INTERNAL_ERROR;
        });
    String[] beamHelp = PipelineArgs.help();
    command.getSubcommands().values().stream()
        .filter(sub -> !sub.getCommandSpec().unmatchedArgsBindings().isEmpty())
        .forEach(sub -> sub.getCommandSpec().usageMessage().footer(beamHelp));
    int code = command.execute(commandArgs);
    out.flush();
    err.flush();
    return code;
  }

  /** What went wrong, in one line: the innermost cause's type and message. */
  private static String describe(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
  }
}
