package io.segmentbeam.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.segmentbeam.api.InvalidNextTokenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opaque pagination tokens: the position after the last listed item and the query they belong to,
 * signed with a key kept in the store, so that a token the store did not issue (or issued for
 * another query) is refused instead of silently listing the wrong page.
 */
final class PageTokens {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final String MAC = "HmacSHA256";

  private static final String KEY_FILE = ".page-token-key";

  private final byte[] key;

  private PageTokens(byte[] key) {
    this.key = key;
  }

  /** Loads the store's signing key, creating it once; concurrent first uses agree on one key. */
  static PageTokens forStore(Documents home) {
    try {
      Optional<byte[]> key = home.read(KEY_FILE);
      if (key.isPresent()) {
        return new PageTokens(key.get());
      }
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      try {
        home.create(KEY_FILE, fresh);
      } catch (FileAlreadyExistsException raced) {
        // Another process created it first: use theirs.
      }
      return new PageTokens(home.read(KEY_FILE).orElseThrow());
    } catch (IOException e) {
      throw StoreFailures.cannotWrite(home, e);
    }
  }

  /** A token for the page that starts after {@code position}, within the query named by {@code query}. */
  String issue(JsonNode query, JsonNode position) {
    ObjectNode body = JSON.createObjectNode();
    body.set("q", query);
    body.set("p", position);
    byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(sign(payload));
  }

  /** The position a token stands for, if this store issued it for the same query. */
  JsonNode redeem(String token, JsonNode query) {
    int dot = token.indexOf('.');
    if (dot > 0) {
      try {
        byte[] payload = DECODER.decode(token.substring(0, dot));
        byte[] signature = DECODER.decode(token.substring(dot + 1));
        if (MessageDigest.isEqual(signature, sign(payload))) {
          JsonNode body = JSON.readTree(payload);
          if (body.path("q").equals(query) && body.has("p")) {
            return body.get("p");
          }
        }
      } catch (IllegalArgumentException | IOException malformed) {
        // Falls through to the same answer as a bad signature.
      }
    }
    throw new InvalidNextTokenException("The nextToken is not valid for this request.");
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(new SecretKeySpec(key, MAC));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(MAC + " is not available", e);
    }
  }
}
