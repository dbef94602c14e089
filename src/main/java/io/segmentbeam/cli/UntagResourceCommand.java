package io.segmentbeam.cli;

import io.segmentbeam.api.UntagResourceRequest;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "untag-resource", description = "Removes the tags of these keys from a resource; keys it does not "
    + "have are no error. Prints nothing, as the AWS CLI prints nothing.")
final class UntagResourceCommand implements Callable<Integer> {
  @Option(names = "--resource-arn", paramLabel = "ARN", required = true) String resourceArn;
  @Option(names = "--tag-keys", paramLabel = "KEY", required = true, arity = "1..*",
      description = "The keys to remove, as in the AWS CLI: --tag-keys team stage") List<String> tagKeys;

  @Mixin ServiceOptions service;

  @Override
  public Integer call() {
    service.tags().untag(new UntagResourceRequest(resourceArn, tagKeys));
    return 0;
  }
}
