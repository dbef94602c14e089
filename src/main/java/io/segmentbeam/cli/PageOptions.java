package io.segmentbeam.cli;

import picocli.CommandLine.Option;

/** The paging options every list command takes, as the AWS CLI names them. */
final class PageOptions {
  @Option(names = "--max-results", paramLabel = "N", description = "1 to 100 (default 100).") Integer maxResults;
  @Option(names = "--next-token", paramLabel = "TOKEN",
      description = "The nextToken a previous page printed, for the page after it.") String nextToken;
}
