package io.segmentbeam.filter;

import java.util.Locale;

/**
 * A token of a filter expression: its kind, its text (unescaped for strings, without {@code $} for
 * parameters) and its 1-based character position.
 */
record FilterToken(Kind kind, String text, int position) {

  enum Kind { WORD, STRING, NUMBER, PARAMETER, SYMBOL, END }

  boolean isWord(String word) {
    return kind == Kind.WORD && text.equalsIgnoreCase(word);
  }

  boolean isSymbol(String symbol) {
    return kind == Kind.SYMBOL && text.equals(symbol);
  }

  String upper() {
    return text.toUpperCase(Locale.ROOT);
  }

  /** How the token reads in a message. */
  String describe() {
    return switch (kind) {
      case END -> "the end of the expression";
      case STRING -> "the string \"" + text + "\"";
      case PARAMETER -> "$" + text;
      default -> "\"" + text + "\"";
    };
  }
}
