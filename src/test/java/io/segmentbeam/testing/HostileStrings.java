package io.segmentbeam.testing;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Strings a parser must survive: any Unicode text, text made of the grammar's own characters and
 * words, and valid examples broken by random edits (truncated, cut, spliced, doubled, a character
 * swapped for a digit of another script, a huge number or an operator at the end).
 */
public final class HostileStrings {
  /** Pieces that mean something to one of SegmentBeam's grammars, and some that break numbers. */
  private static final List<String> PIECES = List.of("ITEMS", "Users", "Interactions", ".", "=", "!=", "<", "<=",
      ">", ">=", "AND", "OR", "NOT", "IN", "(", ")", ",", "|", "*", "$", "$P", "\"", "\\", "\\\"", " ", "INCLUDE",
      "EXCLUDE", "UserID", "WHERE", "EVENT_TYPE", "GENRES", "PRICE", "AGE", "MEMBERSHIP", "0", "-", "9.99", "1e999999999",
      "-1E-999999999", "99999999999999999999999999999", "٣", "１２", "NaN", "Infinity", "0x1p3", "\u0000", "\uD800",
      "{", "}", "[", "]", ":", "itemId", "itemAttributes", "filterValues", "null", "true", "é", "\uD83D\uDE00");

  private HostileStrings() {}

  /** Hostile variants of the given valid examples, mixed with random text. */
  public static Arbitrary<String> around(List<String> examples) {
    Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(120);
    Arbitrary<String> grammarText = Arbitraries.of(PIECES).list().ofMaxSize(24).map(pieces -> String.join("", pieces));
    Arbitrary<String> spacedGrammar = Arbitraries.of(PIECES).list().ofMaxSize(24).map(pieces -> String.join(" ", pieces));
    Arbitrary<String> mutated = Arbitraries.randomValue(random -> mutate(examples.get(random.nextInt(examples.size())),
        random));
    return Arbitraries.frequencyOf(
        Tuple.of(2, anyText),
        Tuple.of(2, grammarText),
        Tuple.of(2, spacedGrammar),
        Tuple.of(4, mutated),
        Tuple.of(1, Arbitraries.of(examples)));
  }

  /** One to five random edits of {@code text}. */
  static String mutate(String text, Random random) {
    StringBuilder s = new StringBuilder(text);
    for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
      int at = random.nextInt(s.length() + 1);
      switch (random.nextInt(6)) {
        case 0 -> s.setLength(at);
        case 1 -> s.insert(at, PIECES.get(random.nextInt(PIECES.size())));
        case 2 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(8)));
        case 3 -> s.insert(at, s.substring(random.nextInt(at + 1), at));
        case 4 -> {
          if (at < s.length()) {
            s.setCharAt(at, (char) random.nextInt(0x3000));
          }
        }
        default -> s.append(' ').append(PIECES.get(random.nextInt(PIECES.size())));
      }
    }
    return s.toString();
  }
}
