package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.personalize.AmazonPersonalize;
import com.amazonaws.services.personalize.model.BatchSegmentJobInput;
import com.amazonaws.services.personalize.model.BatchSegmentJobOutput;
import com.amazonaws.services.personalize.model.BatchSegmentJobSummary;
import com.amazonaws.services.personalize.model.CreateBatchSegmentJobRequest;
import com.amazonaws.services.personalize.model.CreateDatasetExportJobRequest;
import com.amazonaws.services.personalize.model.CreateDatasetGroupRequest;
import com.amazonaws.services.personalize.model.CreateDatasetImportJobRequest;
import com.amazonaws.services.personalize.model.CreateDatasetRequest;
import com.amazonaws.services.personalize.model.CreateFilterRequest;
import com.amazonaws.services.personalize.model.CreateSchemaRequest;
import com.amazonaws.services.personalize.model.CreateSolutionRequest;
import com.amazonaws.services.personalize.model.CreateSolutionVersionRequest;
import com.amazonaws.services.personalize.model.DescribeSolutionRequest;
import com.amazonaws.services.personalize.model.DescribeSolutionVersionRequest;
import com.amazonaws.services.personalize.model.ListSolutionVersionsRequest;
import com.amazonaws.services.personalize.model.SolutionConfig;
import com.amazonaws.services.personalize.model.DataSource;
import com.amazonaws.services.personalize.model.DatasetExportJobOutput;
import com.amazonaws.services.personalize.model.DescribeBatchSegmentJobRequest;
import com.amazonaws.services.personalize.model.DescribeDatasetExportJobRequest;
import com.amazonaws.services.personalize.model.DescribeDatasetImportJobRequest;
import com.amazonaws.services.personalize.model.DescribeRecipeRequest;
import com.amazonaws.services.personalize.model.InvalidInputException;
import com.amazonaws.services.personalize.model.InvalidNextTokenException;
import com.amazonaws.services.personalize.model.LimitExceededException;
import com.amazonaws.services.personalize.model.ListBatchSegmentJobsRequest;
import com.amazonaws.services.personalize.model.ListBatchSegmentJobsResult;
import com.amazonaws.services.personalize.model.GetSolutionMetricsRequest;
import com.amazonaws.services.personalize.model.ListRecipesRequest;
import com.amazonaws.services.personalize.model.ResourceAlreadyExistsException;
import com.amazonaws.services.personalize.model.ResourceInUseException;
import com.amazonaws.services.personalize.model.ResourceNotFoundException;
import com.amazonaws.services.personalize.model.S3DataConfig;
import com.amazonaws.services.personalize.model.Tag;
import com.amazonaws.services.personalize.model.TagResourceRequest;
import com.amazonaws.services.personalize.model.TooManyTagKeysException;
import com.amazonaws.services.personalize.model.TooManyTagsException;
import com.amazonaws.services.personalize.model.UntagResourceRequest;
import com.amazonaws.services.personalizeevents.AmazonPersonalizeEvents;
import com.amazonaws.services.personalizeevents.AmazonPersonalizeEventsClientBuilder;
import com.amazonaws.services.personalizeevents.model.PutUsersRequest;
import com.amazonaws.services.personalizeevents.model.User;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The README walk through {@code serve} with AWS's own Java clients (SDK v1 Personalize and
 * Personalize Events, SDK v2 S3) pointed at one endpoint: data into S3, schemas, a dataset group,
 * datasets, imports from S3, training (a solution and a version of it, polled to ACTIVE), a filter,
 * a batch segment job on the trained version polled from pending to ACTIVE, a put,
 * an export under a KMS key checked on the objects; paging over 250 jobs; every documented error.
 */
class JavaClientWalkIT {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String ACCOUNT = "arn:aws:personalize:us-east-1:123456789012:";
  static final String ROLE = "arn:aws:iam::123456789012:role/PersonalizeRole";
  static final String VERSION = ACCOUNT + "solution/sample-item-affinity/9a77e2ec";
  static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/5e5e5e5e-1111-2222-3333-444455556666";

  @TempDir Path work;

  @Test
  void theReadmeWalkThroughOneEndpoint() throws Exception {
    // Input limits lifted, so that the jobs that fill the quota at the end run long enough.
    try (ServedEndpoint server = ServedEndpoint.start(work, "--liftInputLimits=true")) {
      S3Client s3 = s3(server.url());
      AmazonPersonalize personalize = EndpointClients.personalize(server.url());
      s3.createBucket(request -> request.bucket("walk"));
      for (String type : List.of("interactions", "users", "items")) {
        s3.putObject(request -> request.bucket("walk").key("datasets/" + type + ".csv"),
            RequestBody.fromFile(Path.of("sample-data", "datasets", type + ".csv")));
      }
      for (String name : List.of("items-1.json", "items-2.json")) {
        s3.putObject(request -> request.bucket("walk").key("input/" + name),
            RequestBody.fromFile(Path.of("sample-data", "input", name)));
      }

      String group = personalize.createDatasetGroup(new CreateDatasetGroupRequest().withName("walk"))
          .getDatasetGroupArn();
      List<String> imports = new ArrayList<>();
      for (String type : List.of("Interactions", "Users", "Items")) {
        String lower = type.toLowerCase();
        String schema = personalize.createSchema(new CreateSchemaRequest().withName("walk-" + lower)
            .withSchema(Files.readString(Path.of("sample-data", "datasets", lower + "-schema.json"))))
            .getSchemaArn();
        String dataset = personalize.createDataset(new CreateDatasetRequest().withName("walk-" + lower)
            .withDatasetGroupArn(group).withDatasetType(type).withSchemaArn(schema)).getDatasetArn();
        imports.add(personalize.createDatasetImportJob(new CreateDatasetImportJobRequest()
            .withJobName("walk-" + lower).withDatasetArn(dataset).withRoleArn(ROLE)
            .withDataSource(new DataSource().withDataLocation("s3://walk/datasets/" + lower + ".csv")))
            .getDatasetImportJobArn());
      }
      ResourceInUseException busy = assertThrows(ResourceInUseException.class, () ->
          personalize.createDatasetImportJob(new CreateDatasetImportJobRequest().withJobName("walk-users-again")
              .withDatasetArn(ACCOUNT + "dataset/walk/USERS").withRoleArn(ROLE)
              .withDataSource(new DataSource().withDataLocation("s3://walk/datasets/users.csv"))));
      assertThat(busy.getErrorMessage(), containsString("has an import job that has not ended"));
      for (String arn : imports) {
        awaitStatus(() -> personalize.describeDatasetImportJob(new DescribeDatasetImportJobRequest()
            .withDatasetImportJobArn(arn)).getDatasetImportJob().getStatus(), arn);
      }

      String solution = personalize.createSolution(new CreateSolutionRequest().withName("walk")
          .withDatasetGroupArn(group).withRecipeArn("arn:aws:personalize:::recipe/aws-item-affinity")
          .withSolutionConfig(new SolutionConfig().withAlgorithmHyperParameters(
              Map.of("model", "als", "factors", "16", "iterations", "15", "seed", "42")))).getSolutionArn();
      String trained = personalize.createSolutionVersion(new CreateSolutionVersionRequest().withSolutionArn(solution))
          .getSolutionVersionArn();
      assertThat(personalize.describeSolutionVersion(new DescribeSolutionVersionRequest()
          .withSolutionVersionArn(trained)).getSolutionVersion().getStatus(),
          oneOf("CREATE PENDING", "CREATE IN_PROGRESS"));
      awaitStatus(() -> personalize.describeSolutionVersion(new DescribeSolutionVersionRequest()
          .withSolutionVersionArn(trained)).getSolutionVersion().getStatus(), trained);
      assertThat(personalize.describeSolution(new DescribeSolutionRequest().withSolutionArn(solution)).getSolution()
          .getLatestSolutionVersion().getSolutionVersionArn(), equalTo(trained));
      assertThat(personalize.listSolutionVersions(new ListSolutionVersionsRequest().withSolutionArn(solution))
          .getSolutionVersions().size(), equalTo(1));
      Map<String, Double> metrics = personalize.getSolutionMetrics(new GetSolutionMetricsRequest()
          .withSolutionVersionArn(trained)).getMetrics();
      assertThat(metrics.toString(), metrics.get("precision_at_25"),
          greaterThan(metrics.get("popularity_baseline_precision_at_25")));

      String filter = personalize.createFilter(new CreateFilterRequest().withName("walk-gold").withDatasetGroupArn(group)
          .withFilterExpression("INCLUDE UserID WHERE Users.MEMBERSHIP IN (\"gold\")")).getFilterArn();
      String job = personalize.createBatchSegmentJob(new CreateBatchSegmentJobRequest().withJobName("walk")
          .withSolutionVersionArn(trained).withFilterArn(filter).withNumResults(25).withRoleArn(ROLE)
          .withJobInput(new BatchSegmentJobInput().withS3DataSource(new S3DataConfig().withPath("s3://walk/input/")))
          .withJobOutput(new BatchSegmentJobOutput().withS3DataDestination(
              new S3DataConfig().withPath("s3://walk/segments/").withKmsKeyArn(KMS_KEY)))).getBatchSegmentJobArn();
      String first = personalize.describeBatchSegmentJob(new DescribeBatchSegmentJobRequest()
          .withBatchSegmentJobArn(job)).getBatchSegmentJob().getStatus();
      assertThat("the create answered before the job ended", first, oneOf("CREATE PENDING", "CREATE IN_PROGRESS"));
      awaitStatus(() -> personalize.describeBatchSegmentJob(new DescribeBatchSegmentJobRequest()
          .withBatchSegmentJobArn(job)).getBatchSegmentJob().getStatus(), job);
      Set<String> gold = new HashSet<>();
      Files.readAllLines(Path.of("sample-data", "datasets", "users.csv")).stream().skip(1)
          .map(line -> line.split(",")).filter(cells -> cells[2].equals("gold")).forEach(cells -> gold.add(cells[0]));
      for (String name : List.of("items-1.json.out", "items-2.json.out")) {
        String key = "segments/" + name;
        assertEncrypted(s3, key);
        List<String> lines = s3.getObjectAsBytes(request -> request.bucket("walk").key(key)).asUtf8String()
            .lines().toList();
        assertThat(lines.size(), equalTo(25));
        for (String line : lines) {
          List<String> users = new ArrayList<>();
          JSON.readTree(line).get("output").get("usersList").forEach(user -> users.add(user.asText()));
          assertThat(line, users.size(), equalTo(25));
          assertThat(line, users, everyItem(in(gold)));
        }
      }

      AmazonPersonalizeEvents events = AmazonPersonalizeEventsClientBuilder.standard()
          .withEndpointConfiguration(new EndpointConfiguration(server.url(), "us-east-1"))
          .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("local", "local"))).build();
      events.putUsers(new PutUsersRequest().withDatasetArn(ACCOUNT + "dataset/walk/USERS").withUsers(new User()
          .withUserId("new-user").withProperties("{\"age\": 30, \"membership\": \"gold\"}")));
      String export = personalize.createDatasetExportJob(new CreateDatasetExportJobRequest().withJobName("walk-users")
          .withDatasetArn(ACCOUNT + "dataset/walk/USERS").withIngestionMode("ALL").withRoleArn(ROLE)
          .withJobOutput(new DatasetExportJobOutput().withS3DataDestination(
              new S3DataConfig().withPath("s3://walk/exports/").withKmsKeyArn(KMS_KEY)))).getDatasetExportJobArn();
      awaitStatus(() -> personalize.describeDatasetExportJob(new DescribeDatasetExportJobRequest()
          .withDatasetExportJobArn(export)).getDatasetExportJob().getStatus(), export);
      List<String> exported = new ArrayList<>();
      for (S3Object object : s3.listObjectsV2(request -> request.bucket("walk").prefix("exports/walk-users/"))
          .contents()) {
        assertEncrypted(s3, object.key());
        String csv = s3.getObjectAsBytes(request -> request.bucket("walk").key(object.key())).asUtf8String();
        assertThat(csv.lines().findFirst().orElse(""), equalTo("USER_ID,AGE,MEMBERSHIP"));
        csv.lines().skip(1).forEach(exported::add);
      }
      assertThat(exported.size(), equalTo(1001));
      assertThat(exported, hasItem("new-user,30,gold"));

      // The sixth batch job while five are pending or in progress is refused, as Personalize's quota is.
      String big = "{\"itemId\": \"100057\"}\n".repeat(300_000);
      s3.putObject(request -> request.bucket("walk").key("big/input.json"), RequestBody.fromString(big));
      for (int i = 1; i <= 5; i++) {
        createJob(personalize, "busy-" + i, "s3://walk/big/");
      }
      LimitExceededException sixth = assertThrows(LimitExceededException.class, () ->
          createJob(personalize, "busy-6", "s3://walk/big/"));
      assertThat(sixth.getErrorMessage(), containsString("the most allowed at once (5)"));
    }
  }

  @Test
  void pagesOver250JobsAndAnswersEveryDocumentedErrorAsItsType() throws Exception {
    try (ServedEndpoint server = ServedEndpoint.start(work, "--job-quota", "300")) {
      AmazonPersonalize personalize = EndpointClients.personalize(server.url());
      Files.createDirectories(work.resolve("empty"));
      // Jobs with no input end CREATE FAILED at once, so 250 of them take seconds.
      for (int i = 0; i < 250; i++) {
        createJob(personalize, String.format("page-%03d", i), work.resolve("empty") + "/");
      }
      List<String> names = new ArrayList<>();
      String token = null;
      int pages = 0;
      do {
        ListBatchSegmentJobsResult page = personalize.listBatchSegmentJobs(new ListBatchSegmentJobsRequest()
            .withMaxResults(100).withNextToken(token));
        page.getBatchSegmentJobs().stream().map(BatchSegmentJobSummary::getJobName).forEach(names::add);
        token = page.getNextToken();
        pages++;
      } while (token != null);
      assertThat(pages, equalTo(3));
      assertThat(names.size(), equalTo(250));
      assertThat(new HashSet<>(names).size(), equalTo(250));
      assertThat("newest first", names.get(0), equalTo("page-249"));
      // botocore's paginator (boto3's, and the AWS CLI's automatic paging) follows the same tokens.
      EndpointClientsTest.Run paged = EndpointClientsTest.run(work, server.url(), List.of("python3", "-c", """
          import boto3
          pages = boto3.client("personalize").get_paginator("list_batch_segment_jobs").paginate(
              PaginationConfig={"PageSize": 100})
          names = [job["jobName"] for page in pages for job in page["batchSegmentJobs"]]
          print(len(names), len(set(names)), names[0])
          """));
      assertThat(paged.err(), paged.out().strip(), equalTo("250 250 page-249"));
      EndpointClientsTest.Run cli = EndpointClientsTest.run(work, server.url(),
          List.of("aws", "personalize", "list-batch-segment-jobs"));
      assertThat(cli.err(), JSON.readTree(cli.out()).get("batchSegmentJobs").size(), equalTo(250));

      assertThat(personalize.describeRecipe(new DescribeRecipeRequest()
          .withRecipeArn("arn:aws:personalize:::recipe/aws-item-affinity")).getRecipe().getRecipeType(),
          equalTo("USER_SEGMENTATION"));
      assertThat(personalize.listRecipes(new ListRecipesRequest()).getRecipes().size(), equalTo(6));
      assertThrows(InvalidNextTokenException.class, () -> personalize.listBatchSegmentJobs(
          new ListBatchSegmentJobsRequest().withNextToken("forged")));
      InvalidInputException badName = assertThrows(InvalidInputException.class, () ->
          createJob(personalize, "bad name!", work.resolve("empty") + "/"));
      assertThat(badName.getErrorMessage(), containsString("at 'jobName'"));
      assertThrows(ResourceAlreadyExistsException.class, () ->
          createJob(personalize, "page-000", work.resolve("empty") + "/"));
      ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class, () ->
          personalize.describeBatchSegmentJob(new DescribeBatchSegmentJobRequest()
              .withBatchSegmentJobArn(ACCOUNT + "batch-segment-job/none")));
      assertThat(missing.getErrorMessage(), containsString("batch-segment-job/none"));
      List<Tag> tags = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (int i = 0; i < 51; i++) {
        tags.add(new Tag().withTagKey("k" + i).withTagValue("v"));
        keys.add("k" + i);
      }
      String arn = ACCOUNT + "batch-segment-job/page-000";
      assertThrows(TooManyTagsException.class, () ->
          personalize.tagResource(new TagResourceRequest().withResourceArn(arn).withTags(tags)));
      assertThrows(TooManyTagKeysException.class, () ->
          personalize.untagResource(new UntagResourceRequest().withResourceArn(arn).withTagKeys(keys)));
    }
  }

  private static String createJob(AmazonPersonalize personalize, String name, String input) {
    return personalize.createBatchSegmentJob(new CreateBatchSegmentJobRequest().withJobName(name)
        .withSolutionVersionArn(VERSION).withRoleArn(ROLE)
        .withJobInput(new BatchSegmentJobInput().withS3DataSource(new S3DataConfig().withPath(input)))
        .withJobOutput(new BatchSegmentJobOutput().withS3DataDestination(
            new S3DataConfig().withPath(input.startsWith("s3://") ? "s3://walk/out-" + name + "/"
                : input + "../out-" + name + "/")))).getBatchSegmentJobArn();
  }

  private static void awaitStatus(Supplier<String> status, String arn) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String now = status.get();
    while (!now.equals("ACTIVE") && !now.equals("CREATE FAILED") && System.nanoTime() < deadline) {
      Thread.sleep(50);
      now = status.get();
    }
    assertThat(arn, now, equalTo("ACTIVE"));
  }

  private static void assertEncrypted(S3Client s3, String key) {
    HeadObjectResponse head = s3.headObject(request -> request.bucket("walk").key(key));
    assertThat(key, head.serverSideEncryption(), equalTo(ServerSideEncryption.AWS_KMS));
    assertThat(key, head.ssekmsKeyId(), equalTo(KMS_KEY));
  }

  /** AWS's v2 S3 client pointed at the endpoint, as {@code AWS_ENDPOINT_URL} points it. */
  private static S3Client s3(String url) {
    return S3Client.builder().endpointOverride(URI.create(url)).region(Region.US_EAST_1).forcePathStyle(true)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
  }
}
