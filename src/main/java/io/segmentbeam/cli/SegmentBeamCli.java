package io.segmentbeam.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.segmentbeam.api.PersonalizeException;
import io.segmentbeam.api.SecretMasking;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code segmentbeam} command. Subcommands are named like the AWS CLI's Personalize commands
 * and print the same JSON; exit codes follow the AWS CLI's: 252 for a malformed command line,
 * 253 for a bad configuration, 254 for an error the API returns (printed on stderr as the AWS CLI
 * prints it, {@code An error occurred (X) when calling the Y operation: message}, or as
 * {@code {"__type": ..., "message": ...}} with {@code --output json}), 255 for anything
 * unexpected (one line; the stack trace only with {@code --debug}), and 1 for a job that ended
 * CREATE FAILED. Responses are JSON on stdout, nothing else.
 */
@Command(name = "segmentbeam", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
    version = "SegmentBeam 0.1.0",
    description = "Amazon Personalize batch segment jobs as an Apache Beam pipeline.",
    footer = "Add --debug to any command to print the stack trace of an unexpected failure.",
    subcommands = {
        CreateBatchSegmentJobCommand.class,
        DescribeRecipeCommand.class,
        ListRecipesCommand.class,
        CreateSolutionCommand.class,
        DescribeSolutionCommand.class,
        ListSolutionsCommand.class,
        CreateSolutionVersionCommand.class,
        DescribeSolutionVersionCommand.class,
        GetSolutionMetricsCommand.class,
        ListSolutionVersionsCommand.class,
        EvaluateCommand.class,
        ReportCommand.class,
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
        TagResourceCommand.class,
        UntagResourceCommand.class,
        ListTagsForResourceCommand.class,
        ServeCommand.class,
        GenerateSampleDataCommand.class,
        BenchCommand.class,
        BenchClusterCommand.class,
        BenchStartupCommand.class,
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
  /** As in the AWS CLI, the format of what is printed; SegmentBeam prints JSON, and with it asked for, JSON errors too. */
  static final String OUTPUT = "--output";

  public static void main(String[] args) {
    OptionalInt relaunched = JvmRelaunch.runIfNeeded(args);
    if (relaunched.isPresent()) {
      System.exit(relaunched.getAsInt());
    }
    JvmRelaunch.followParent();
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /**
   * Runs one command line and returns its exit code. No failure prints a stack trace unless the
   * line holds {@code --debug} (as with the AWS CLI); every message printed has its credentials masked.
   */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = Arrays.asList(args).contains(DEBUG);
    List<String> commandArgs = new ArrayList<>(Arrays.stream(args).filter(arg -> !arg.equals(DEBUG)).toList());
    String output = takeOutput(commandArgs);
    if (output != null && !output.equals("json")) {
      err.println("error: SegmentBeam prints JSON only: --output takes json, not " + SecretMasking.mask(output));
      err.flush();
      return USAGE_ERROR;
    }
    boolean jsonErrors = output != null;
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
            failed.getErr().println(jsonErrors ? jsonError(apiError)
                : awsCliError(apiError, failed.getCommandName()));
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
    int code = command.execute(commandArgs.toArray(String[]::new));
    out.flush();
    err.flush();
    return code;
  }

  /** Removes {@code --output X} or {@code --output=X} from the arguments; X, or null when not given. */
  private static String takeOutput(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith(OUTPUT + "=")) {
        return args.remove(i).substring(OUTPUT.length() + 1);
      }
      if (args.get(i).equals(OUTPUT) && i + 1 < args.size()) {
        args.remove(i);
        return args.remove(i);
      }
    }
    return null;
  }

  private static String jsonError(PersonalizeException error) {
    return CliJson.format(JsonNodeFactory.instance.objectNode()
        .put("__type", error.errorType())
        .put("message", SecretMasking.mask(error.getMessage())));
  }

  /** The line the AWS CLI prints for an error the service returns, naming the operation as AWS does. */
  private static String awsCliError(PersonalizeException error, String command) {
    StringBuilder operation = new StringBuilder();
    for (String word : command.split("-")) {
      operation.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return "\nAn error occurred (" + error.errorType() + ") when calling the " + operation + " operation: "
        + SecretMasking.mask(error.getMessage());
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
