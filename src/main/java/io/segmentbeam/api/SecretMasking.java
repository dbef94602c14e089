package io.segmentbeam.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides credentials in any text SegmentBeam prints or stores: the value of every member or option
 * whose name holds "secret", "password" or "session token" (in JSON, {@code name=value} or
 * {@code --name value} form), even when the text was cut off inside it.
 */
public final class SecretMasking {
  public static final String MASK = "****";
  private static final Pattern SECRET = Pattern.compile(
      "(?i)([\\w.-]*(?:secret|password|session_?token)[\\w.-]*\"?\\s*[:=]\\s*\"?)([^\"\\s,}&]+)");

  private SecretMasking() {}

  public static String mask(String text) {
    if (text == null) {
      return null;
    }
    Matcher matcher = SECRET.matcher(text);
    return matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
  }
}
