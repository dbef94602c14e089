package io.segmentbeam.cli;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder.EndpointConfiguration;
import com.amazonaws.services.personalize.AmazonPersonalize;
import com.amazonaws.services.personalize.AmazonPersonalizeClientBuilder;

/** AWS's own Java clients (SDK v1), pointed at a served endpoint as users point theirs. */
final class EndpointClients {
  private EndpointClients() {}

  static AmazonPersonalize personalize(String url) {
    return AmazonPersonalizeClientBuilder.standard()
        .withEndpointConfiguration(new EndpointConfiguration(url, "us-east-1"))
        .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials("local-access", "local-secret")))
        .build();
  }
}
