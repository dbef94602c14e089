package io.segmentbeam.cli;

import static io.segmentbeam.s3.S3ProxyServer.ACCESS_KEY;
import static io.segmentbeam.s3.S3ProxyServer.SECRET_KEY;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.amazonaws.services.personalize.AmazonPersonalize;
import com.amazonaws.services.personalize.model.BatchSegmentJob;
import com.amazonaws.services.personalize.model.BatchSegmentJobInput;
import com.amazonaws.services.personalize.model.BatchSegmentJobOutput;
import com.amazonaws.services.personalize.model.CreateBatchSegmentJobRequest;
import com.amazonaws.services.personalize.model.CreateFilterRequest;
import com.amazonaws.services.personalize.model.DescribeBatchSegmentJobRequest;
import com.amazonaws.services.personalize.model.S3DataConfig;
import io.segmentbeam.s3.S3ProxyServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Two jobs with different models, filters, result counts and KMS keys, run at once by one
 * service, write exactly what each writes when it runs alone, each under its own key.
 */
class ConcurrentJobsIT {
  static final String BUCKET = "segments";
  static final String ACCOUNT = "arn:aws:personalize:us-east-1:123456789012:";
  static final String KEY_A = "arn:aws:kms:us-east-1:123456789012:key/aaaaaaaa-1111-2222-3333-444444444444";
  static final String KEY_B = "arn:aws:kms:us-east-1:123456789012:key/bbbbbbbb-5555-6666-7777-888888888888";
  static final int INPUT_FILES = 6;

  @TempDir static Path work;
  static S3ProxyServer s3Server;
  static S3Client s3;
  static ServedEndpoint service;
  static AmazonPersonalize personalize;

  @BeforeAll
  static void start() throws Exception {
    s3Server = S3ProxyServer.start(work);
    s3 = s3Server.client();
    s3.createBucket(request -> request.bucket(BUCKET));
    List<String> items = Files.readAllLines(Path.of("sample-data", "datasets", "items.csv")).stream().skip(1)
        .map(line -> line.substring(0, line.indexOf(','))).toList();
    for (int file = 0; file < INPUT_FILES; file++) {
      StringBuilder lines = new StringBuilder();
      for (int line = 0; line < 400; line++) {
        lines.append("{\"itemId\": \"").append(items.get((file * 400 + line) % items.size())).append("\"}\n");
      }
      String key = "input/part-" + file + ".json";
      s3.putObject(request -> request.bucket(BUCKET).key(key),
          RequestBody.fromString(lines.toString()));
    }
    service = ServedEndpoint.start(work, Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", SECRET_KEY),
        "--endpoint-url", s3Server.endpoint().toString(), "--job-workers", "2");
    personalize = EndpointClients.personalize(service.url());
    personalize.createFilter(new CreateFilterRequest().withName("not-gold")
        .withDatasetGroupArn(ACCOUNT + "dataset-group/sample")
        .withFilterExpression("EXCLUDE UserID WHERE Users.MEMBERSHIP IN (\"gold\")"));
  }

  @AfterAll
  static void stop() throws Exception {
    if (service != null) {
      service.close();
    }
    if (s3Server != null) {
      s3Server.close();
    }
  }

  @Test
  void twoJobsAtOnceWriteWhatEachWritesAloneUnderItsOwnKey() throws Exception {
    awaitActive(List.of(createA("alone-a")));
    awaitActive(List.of(createB("alone-b")));

    boolean overlapped = awaitActive(List.of(createA("together-a"), createB("together-b")));

    for (int file = 0; file < INPUT_FILES; file++) {
      String name = "part-" + file + ".json.out";
      assertThat(name, object("together-a/" + name), equalTo(object("alone-a/" + name)));
      assertThat(name, object("together-b/" + name), equalTo(object("alone-b/" + name)));
      assertEncrypted("together-a/" + name, KEY_A);
      assertEncrypted("together-b/" + name, KEY_B);
    }
    assertThat(object("alone-a/part-0.json.out").equals(object("alone-b/part-0.json.out")), equalTo(false));
    assertThat(keys(""), hasSize(INPUT_FILES * 5));
    assertThat("both jobs were seen in progress at once", overlapped, equalTo(true));
  }

  private static String createA(String name) {
    return create(name, "solution/sample-item-affinity/9a77e2ec", "filter/paying-members", 25, KEY_A);
  }

  private static String createB(String name) {
    return create(name, "solution/sample-cooccurrence/74af01ef", "filter/not-gold", 10, KEY_B);
  }

  private static String create(String name, String solutionVersion, String filter, int numResults, String key) {
    return personalize.createBatchSegmentJob(new CreateBatchSegmentJobRequest().withJobName(name)
        .withSolutionVersionArn(ACCOUNT + solutionVersion).withFilterArn(ACCOUNT + filter).withNumResults(numResults)
        .withJobInput(new BatchSegmentJobInput().withS3DataSource(new S3DataConfig().withPath("s3://segments/input/")))
        .withJobOutput(new BatchSegmentJobOutput().withS3DataDestination(
            new S3DataConfig().withPath("s3://segments/" + name + "/").withKmsKeyArn(key)))
        .withRoleArn("arn:aws:iam::123456789012:role/PersonalizeRole")).getBatchSegmentJobArn();
  }

  /** Polls the jobs until each is ACTIVE; whether some poll saw all of them in progress at once. */
  private static boolean awaitActive(List<String> arns) throws InterruptedException {
    boolean overlapped = false;
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      Map<String, BatchSegmentJob> jobs = new LinkedHashMap<>();
      for (String arn : arns) {
        jobs.put(arn, personalize.describeBatchSegmentJob(new DescribeBatchSegmentJobRequest()
            .withBatchSegmentJobArn(arn)).getBatchSegmentJob());
      }
      overlapped |= jobs.values().stream().allMatch(job -> job.getStatus().equals("CREATE IN_PROGRESS"));
      List<String> unfinished = new ArrayList<>();
      for (BatchSegmentJob job : jobs.values()) {
        assertThat(job.getFailureReason(), job.getStatus().equals("CREATE FAILED"), equalTo(false));
        if (!job.getStatus().equals("ACTIVE")) {
          unfinished.add(job.getJobName());
        }
      }
      if (unfinished.isEmpty()) {
        return overlapped;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("jobs " + arns + " did not end within 120 s");
  }

  private static void assertEncrypted(String key, String kmsKeyArn) {
    HeadObjectResponse head = s3.headObject(request -> request.bucket(BUCKET).key(key));
    assertThat(key, head.serverSideEncryption(), equalTo(ServerSideEncryption.AWS_KMS));
    assertThat(key, head.ssekmsKeyId(), equalTo(kmsKeyArn));
  }

  private static String object(String key) {
    return s3.getObjectAsBytes(request -> request.bucket(BUCKET).key(key)).asUtf8String();
  }

  private static List<String> keys(String prefix) {
    return s3.listObjectsV2Paginator(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(object -> object.key()).toList();
  }
}
