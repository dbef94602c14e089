package io.segmentbeam.cli;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.personalize.AmazonPersonalize;
import com.amazonaws.services.personalize.AmazonPersonalizeClientBuilder;
import com.amazonaws.services.personalize.model.ListBatchSegmentJobsRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --credentials-file, serve checks every request's SigV4 signature and refuses bad ones as AWS does. */
class EndpointSignaturesTest {
  static final String KEY_ID = "AKIALOCALSEGMENTBEAM";
  static final String SECRET = "local-SECRET-wJalrXUtnFEMI-K7MDENG";
  static final String VERSION = "arn:aws:personalize:us-east-1:123456789012:solution/sample-item-affinity/9a77e2ec";

  @TempDir Path work;

  @Test
  void rightlySignedRequestsAreServedAndOthersRefusedAsAwsRefusesThem() throws Exception {
    Path credentials = Files.writeString(work.resolve("credentials"), "[default]\naws_access_key_id = " + KEY_ID
        + "\naws_secret_access_key = " + SECRET + "\n");
    try (ServedEndpoint server = ServedEndpoint.start(work, "--credentials-file", credentials.toString())) {
      Path script = Files.writeString(work.resolve("signed.py"), """
          import boto3, sys, time
          s3, personalize = boto3.client("s3"), boto3.client("personalize")
          s3.create_bucket(Bucket="signed")
          s3.put_object(Bucket="signed", Key="input/items.json", Body=open("sample-data/input/items-1.json", "rb"))
          arn = personalize.create_batch_segment_job(
              jobName="signed", solutionVersionArn=sys.argv[1], numResults=5,
              jobInput={"s3DataSource": {"path": "s3://signed/input/"}},
              jobOutput={"s3DataDestination": {"path": "s3://signed/output/"}},
              roleArn="arn:aws:iam::123456789012:role/PersonalizeRole")["batchSegmentJobArn"]
          while personalize.describe_batch_segment_job(batchSegmentJobArn=arn)["batchSegmentJob"]["status"] \\
                  not in ("ACTIVE", "CREATE FAILED"):
              time.sleep(0.1)
          out = s3.get_object(Bucket="signed", Key="output/items.json.out")["Body"].read().decode()
          print(len(out.splitlines()))
          """);
      EndpointClientsTest.Run signed = client(server, KEY_ID, SECRET, List.of("python3", script.toString(), VERSION));
      assertThat(signed.err(), signed.exitCode(), equalTo(0));
      assertThat(signed.out().strip(), equalTo("25"));

      AmazonPersonalize java = AmazonPersonalizeClientBuilder.standard()
          .withEndpointConfiguration(new EndpointConfiguration(server.url(), "us-east-1"))
          .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(KEY_ID, SECRET))).build();
      assertThat(java.listBatchSegmentJobs(new ListBatchSegmentJobsRequest()).getBatchSegmentJobs().size(),
          equalTo(1));

      EndpointClientsTest.Run wrongSecret = client(server, KEY_ID, "not-the-secret",
          List.of("aws", "personalize", "list-batch-segment-jobs"));
      assertThat(wrongSecret.exitCode(), oneOf(254, 255));
      assertThat(wrongSecret.err(), containsString("An error occurred (InvalidSignatureException) when calling the "
          + "ListBatchSegmentJobs operation: The request signature we calculated does not match the signature you "
          + "provided."));
      EndpointClientsTest.Run wrongSecretS3 = client(server, KEY_ID, "not-the-secret",
          List.of("aws", "s3api", "list-objects-v2", "--bucket", "signed"));
      assertThat(wrongSecretS3.err(), containsString("An error occurred (SignatureDoesNotMatch) when calling the "
          + "ListObjectsV2 operation"));
      EndpointClientsTest.Run unknownKey = client(server, "AKIAUNKNOWN", SECRET,
          List.of("aws", "personalize", "list-batch-segment-jobs"));
      assertThat(unknownKey.err(), containsString("An error occurred (UnrecognizedClientException) when calling the "
          + "ListBatchSegmentJobs operation: The security token included in the request is invalid."));
      EndpointClientsTest.Run unknownKeyS3 = client(server, "AKIAUNKNOWN", SECRET,
          List.of("aws", "s3api", "list-objects-v2", "--bucket", "signed"));
      assertThat(unknownKeyS3.err(), containsString("An error occurred (InvalidAccessKeyId) when calling the "
          + "ListObjectsV2 operation: The AWS Access Key Id you provided does not exist in our records."));

      HttpResponse<String> unsigned = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()))
          .header("X-Amz-Target", "AmazonPersonalize.ListBatchSegmentJobs")
          .header("Content-Type", "application/x-amz-json-1.1")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(unsigned.statusCode(), equalTo(403));
      assertThat(unsigned.body(), equalTo("{\"__type\":\"MissingAuthenticationTokenException\","
          + "\"message\":\"Missing Authentication Token\"}"));
      assertThat(Files.readString(work.resolve("serve.log")), not(containsString(SECRET)));
      assertThat(Files.readString(work.resolve("serve.log")), containsString("signatures checked for 1 access key"));
    }
  }

  private EndpointClientsTest.Run client(ServedEndpoint server, String keyId, String secret, List<String> command)
      throws Exception {
    return EndpointClientsTest.run(work, server.url(), command, Path.of(""), keyId, secret);
  }
}
