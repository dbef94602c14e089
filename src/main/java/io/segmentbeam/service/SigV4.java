package io.segmentbeam.service;

import com.sun.net.httpserver.Headers;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a request's AWS Signature Version 4 says: the service it was signed for. */
final class SigV4 {
  private static final Pattern SCOPE =
      Pattern.compile("Credential=[^/,\\s]+/\\d{8}/[^/,\\s]*/([^/,\\s]+)/aws4_request");

  private SigV4() {}

  /** The service of the request's credential scope, or null for a request that is not signed with SigV4. */
  static String service(Headers headers) {
    String authorization = headers.getFirst("Authorization");
    if (authorization == null) {
      return null;
    }
    Matcher scope = SCOPE.matcher(authorization);
    return scope.find() ? scope.group(1) : null;
  }
}
