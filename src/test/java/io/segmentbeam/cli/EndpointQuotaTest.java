package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quota of jobs pending or in progress, as Personalize answers a create beyond it: LimitExceededException. */
class EndpointQuotaTest {
  @TempDir Path work;

  @Test
  void aCreateBeyondTheQuotaOfUnfinishedJobsIsLimitExceeded() throws Exception {
    Path input = Files.createDirectories(work.resolve("in"));
    Files.writeString(input.resolve("big.json"), "{\"itemId\": \"100057\"}\n".repeat(300_000));
    try (ServedEndpoint server = ServedEndpoint.start(work, "--job-quota", "1", "--liftInputLimits=true")) {
      EndpointClientsTest.Run first = create(server, "first", input);
      assertThat(first.err(), first.exitCode(), equalTo(0));

      EndpointClientsTest.Run second = create(server, "second", input);

      assertThat(second.exitCode(), equalTo(255));
      assertThat(second.err(), containsString("An error occurred (LimitExceededException) when calling the "
          + "CreateBatchSegmentJob operation: There are already 1 batch segment jobs pending or in progress, the most "
          + "allowed at once (1). Wait for one to end, then create the job again."));
    }
  }

  private EndpointClientsTest.Run create(ServedEndpoint server, String name, Path input) throws Exception {
    return EndpointClientsTest.run(work, server.url(), List.of("aws", "personalize", "create-batch-segment-job",
        "--job-name", name, "--solution-version-arn",
        "arn:aws:personalize:us-east-1:123456789012:solution/sample-item-affinity/9a77e2ec",
        "--job-input", "{\"s3DataSource\": {\"path\": \"" + input + "/\"}}",
        "--job-output", "{\"s3DataDestination\": {\"path\": \"" + work.resolve(name) + "/\"}}",
        "--role-arn", "arn:aws:iam::123456789012:role/PersonalizeRole"));
  }
}
