package io.segmentbeam.service;

import com.sun.net.httpserver.Headers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4, as the SDKs sign requests: reads what a request's signature says (its
 * service), and checks it against the secret of its access key. The payload hash is the one the
 * request declares in {@code x-amz-content-sha256} (S3's requests), else the hash of its body.
 */
final class SigV4 {
  private static final Pattern AUTHORIZATION = Pattern.compile("AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/"
      + "(\\d{8})/([^/,\\s]*)/([^/,\\s]+)/aws4_request,\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-f]+)");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  /** How far a request's time may be from this machine's, as AWS allows. */
  private static final Duration SKEW = Duration.ofMinutes(15);

  private SigV4() {}

  /** Why a request's signature is refused: the AWS error type of its protocol, and the message. */
  record Refusal(Kind kind, String message) {}

  /** What is wrong with a signature, which each protocol names its own way. */
  enum Kind { MISSING, UNKNOWN_KEY, MISMATCH, EXPIRED }

  /** The service of the request's credential scope, or null for a request that is not signed with SigV4. */
  static String service(Headers headers) {
    String authorization = headers.getFirst("Authorization");
    if (authorization == null) {
      return null;
    }
    Matcher signed = AUTHORIZATION.matcher(authorization);
    return signed.find() ? signed.group(4) : null;
  }

  /**
   * Checks a request's signature with the secrets of {@code keys} (access key id to secret);
   * empty when it holds. {@code body} is the request body, or null when the request declares its
   * payload hash.
   */
  static Optional<Refusal> check(String method, URI uri, Headers headers, byte[] body, Map<String, String> keys) {
    String authorization = headers.getFirst("Authorization");
    Matcher signed = authorization == null ? null : AUTHORIZATION.matcher(authorization);
    if (signed == null || !signed.find()) {
      return Optional.of(new Refusal(Kind.MISSING, "Missing Authentication Token"));
    }
    String secret = keys.get(signed.group(1));
    if (secret == null) {
      return Optional.of(new Refusal(Kind.UNKNOWN_KEY, "The security token included in the request is invalid."));
    }
    String amzDate = headers.getFirst("X-Amz-Date");
    Instant at;
    try {
      at = Instant.from(AMZ_DATE.parse(amzDate == null ? "" : amzDate));
    } catch (DateTimeParseException e) {
      return Optional.of(new Refusal(Kind.MISMATCH, "The request has no valid X-Amz-Date."));
    }
    if (Duration.between(at, Instant.now()).abs().compareTo(SKEW) > 0) {
      return Optional.of(new Refusal(Kind.EXPIRED, "Signature expired: " + amzDate + " is more than 15 minutes from "
          + AMZ_DATE.format(Instant.now()) + "."));
    }
    String payloadHash = headers.getFirst("X-Amz-Content-Sha256");
    if (payloadHash == null) {
      payloadHash = hex(sha256(body == null ? new byte[0] : body));
    }
    String canonical = String.join("\n", method, uri.getRawPath().isEmpty() ? "/" : uri.getRawPath(),
        canonicalQuery(uri.getRawQuery()), canonicalHeaders(headers, signed.group(5)), signed.group(5), payloadHash);
    String scope = String.join("/", signed.group(2), signed.group(3), signed.group(4), "aws4_request");
    String toSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope,
        hex(sha256(canonical.getBytes(StandardCharsets.UTF_8))));
    byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), signed.group(2));
    for (String part : List.of(signed.group(3), signed.group(4), "aws4_request")) {
      key = hmac(key, part);
    }
    byte[] expected = hex(hmac(key, toSign)).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, signed.group(6).getBytes(StandardCharsets.US_ASCII))) {
      return Optional.of(new Refusal(Kind.MISMATCH, "The request signature we calculated does not match the "
          + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the service "
          + "documentation for details."));
    }
    return Optional.empty();
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      pairs.add(new String[] {encode(name), encode(value)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    List<String> joined = new ArrayList<>();
    pairs.forEach(pair -> joined.add(pair[0] + "=" + pair[1]));
    return String.join("&", joined);
  }

  private static String canonicalHeaders(Headers headers, String signedHeaders) {
    StringBuilder canonical = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      List<String> values = headers.getOrDefault(name, List.of());
      List<String> trimmed = values.stream().map(value -> value.trim().replaceAll("\\s+", " ")).toList();
      canonical.append(name.toLowerCase(Locale.ROOT)).append(':').append(String.join(",", trimmed)).append('\n');
    }
    return canonical.toString();
  }

  private static String encode(String text) {
    return encode(text, "");
  }

  /**
   * RFC 3986 encoding as SigV4 wants it: unreserved characters and those in {@code alsoKept} as
   * they are, every other byte as %XX.
   */
  static String encode(String text, String alsoKept) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0
          || alsoKept.indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM has no HmacSHA256", e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
