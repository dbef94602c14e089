package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when something goes wrong: one line or an AWS-shaped error, never a stack trace or a secret. */
class CliErrorsTest {
  private static final String SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

  @TempDir Path home;
  @TempDir Path work;

  @Test
  void aStoreThatCannotBeWrittenIsAnInternalFailureNamingTheFolder() throws IOException {
    Path file = Files.writeString(work.resolve("a-file"), "not a folder");
    Path store = file.resolve("home");
    for (String[] command : new String[][] {
        {"create-batch-segment-job", "--cli-input-json", "file://pipelines/sample-batch-segment-job.json"},
        {"list-batch-segment-jobs"},
        {"create-dataset-group", "--name", "g"}}) {
      CliRun run = CliRun.run(home, withHome(command, store));
      run.assertApiError("InternalFailure", "Cannot write to the job store at " + store + ": Not a directory for "
          + store.resolve(".page-token-key") + ". Check that --home (or $SEGMENTBEAM_HOME) names a folder or s3:// "
          + "prefix that this process can write.");
      assertThat(run.err(), not(containsString("\tat ")));
    }
  }

  @Test
  void aCredentialInAMistypedPipelineOptionIsMaskedWhereverItIsEchoed() {
    CliRun run = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--awsCredentialsProvider={\"@type\": "
            + "\"StaticCredentialsProvider\", \"accessKeyId\": \"AKIDEXAMPLE\", \"secretAccessKey\": \"" + SECRET + "\"");
    assertThat(run.exitCode(), equalTo(252));
    assertThat(run.err(), containsString("\"secretAccessKey\": \"****"));
    assertThat(run.out() + run.err(), not(containsString(SECRET)));

    CliRun unknown = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--awsSessionToken=" + SECRET);
    assertThat(unknown.exitCode(), equalTo(252));
    assertThat(unknown.out() + unknown.err(), not(containsString(SECRET)));
  }

  @Test
  void anUnexpectedFailureIsOneLineAndItsStackTraceComesOnlyWithDebug() {
    String missing = work.resolve("missing.jsonl").toString();
    CliRun plain = CliRun.run(home, "convert-factors", "--from", missing, "--to", work.resolve("x.sbf").toString());
    assertThat(plain.exitCode(), equalTo(255));
    assertThat(plain.err(), equalTo("error: SegmentBeam failed unexpectedly: FileNotFoundException: no factor file at "
        + missing + " (run again with --debug for the stack trace)\n"));

    CliRun debug = CliRun.run(home, "convert-factors", "--debug", "--from", missing, "--to",
        work.resolve("x.sbf").toString());
    assertThat(debug.exitCode(), equalTo(255));
    assertThat(debug.err(), containsString("\tat io.segmentbeam.model.factors.FactorFiles"));
  }

  @Test
  void aMistypedOptionIsUnknownAndNamesTheClosestOptionOfTheCommandNeverABeamOne() {
    CliRun typo = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--job-nme=x");
    assertThat(typo.exitCode(), equalTo(252));
    assertThat(typo.err(), equalTo("error: Unknown option: '--job-nme'. Did you mean --job-name?\n"
        + "Run 'segmentbeam create-batch-segment-job --help' for usage.\n"));

    CliRun beamSpelling = CliRun.run(home, "create-dataset-import-job", "--jobName=x");
    assertThat(beamSpelling.exitCode(), equalTo(252));
    assertThat(beamSpelling.err(), containsString("error: Unknown option: '--jobName'. Did you mean --job-name? "
        + "(--jobName would set Beam's pipeline option of that name instead)"));
  }

  @Test
  void theBeamOptionsSegmentBeamReadsAreInTheHelpOfEveryCommandThatPassesOptionsToBeam() {
    for (String command : new String[] {"create-batch-segment-job", "create-dataset-import-job", "serve"}) {
      CliRun help = CliRun.run(home, command, "--help");
      assertThat(help.exitCode(), equalTo(0));
      for (String option : new String[] {"--liftInputLimits=<boolean>", "--progressIntervalSeconds=<int>",
          "--userShardBytes=<long>", "--cleanupTimeoutSeconds=<int>"}) {
        assertThat(command + " " + option, help.out(), containsString(option));
      }
    }
  }

  @Test
  void anUnknownSolutionVersionIsNotFoundNamingWhereItWasLookedFor() {
    CliRun run = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--solution-version-arn",
        "arn:aws:personalize:us-east-1:123456789012:solution/nowhere/1");
    run.assertApiError("ResourceNotFoundException", "Could not find solutionVersionArn "
        + "arn:aws:personalize:us-east-1:123456789012:solution/nowhere/1: no solution version with that ARN is "
        + "declared in " + Path.of("pipelines/solution-versions").toAbsolutePath() + ", nor trained with "
        + "CreateSolutionVersion (" + home.toAbsolutePath().resolve("trained-solution-versions/us-east-1/123456789012")
        + ").");
  }

  @Test
  void aSolutionVersionOfAnotherRegionIsNotFoundFromThisOne() throws IOException {
    CliRun run = CliRun.run(home, "create-batch-segment-job", "--cli-input-json",
        "file://pipelines/sample-batch-segment-job.json", "--region=eu-west-1");
    run.assertApiError("ResourceNotFoundException", "Could not find solutionVersionArn "
        + "arn:aws:personalize:us-east-1:123456789012:solution/sample-item-affinity/9a77e2ec: no solution version "
        + "with that ARN is declared in eu-west-1 for account 123456789012.");
  }

  private static String[] withHome(String[] command, Path store) {
    String[] all = java.util.Arrays.copyOf(command, command.length + 1);
    all[command.length] = "--home=" + store;
    return all;
  }
}
