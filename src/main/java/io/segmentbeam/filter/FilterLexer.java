package io.segmentbeam.filter;

import io.segmentbeam.filter.FilterToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a filter expression into tokens: words, {@code "quoted strings"} ({@code \} makes the
 * next character literal), numbers, {@code $PARAMETERS}, and the symbols
 * {@code ( ) , . | * = != < <= > >=}.
 */
final class FilterLexer {
  private final String text;
  private int at;

  private FilterLexer(String text) {
    this.text = text;
  }

  static List<FilterToken> tokens(String text) throws InvalidFilterException {
    FilterLexer lexer = new FilterLexer(text);
    List<FilterToken> tokens = new ArrayList<>();
    FilterToken token;
    do {
      token = lexer.next();
      tokens.add(token);
    } while (token.kind() != Kind.END);
    return tokens;
  }

  private FilterToken next() throws InvalidFilterException {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    int start = at;
    int position = start + 1;
    if (at == text.length()) {
      return new FilterToken(Kind.END, "", position);
    }
    char c = text.charAt(at);
    if (c == '"') {
      return string(position);
    }
    if (c == '$') {
      at++;
      while (at < text.length() && isWordChar(text.charAt(at))) {
        at++;
      }
      if (at == start + 1) {
        throw new InvalidFilterException(position, "\"$\" must be followed by a parameter name, e.g. $MEMBERSHIP");
      }
      return new FilterToken(Kind.PARAMETER, text.substring(start + 1, at), position);
    }
    if (isAsciiDigit(c) || (c == '-' || c == '.') && at + 1 < text.length()
        && isAsciiDigit(text.charAt(at + 1))) {
      at++;
      while (at < text.length() && (isAsciiDigit(text.charAt(at)) || text.charAt(at) == '.'
          || text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
        at++;
      }
      String number = text.substring(start, at);
      try {
        Double.parseDouble(number);
      } catch (NumberFormatException e) {
        throw new InvalidFilterException(position, "\"" + number + "\" is not a number");
      }
      return new FilterToken(Kind.NUMBER, number, position);
    }
    if (isWordChar(c)) {
      while (at < text.length() && isWordChar(text.charAt(at))) {
        at++;
      }
      return new FilterToken(Kind.WORD, text.substring(start, at), position);
    }
    if ((c == '!' || c == '<' || c == '>') && at + 1 < text.length() && text.charAt(at + 1) == '=') {
      at += 2;
      return new FilterToken(Kind.SYMBOL, text.substring(start, at), position);
    }
    if ("(),.|*=<>".indexOf(c) >= 0) {
      at++;
      return new FilterToken(Kind.SYMBOL, String.valueOf(c), position);
    }
    throw new InvalidFilterException(position, "unexpected character \"" + c + "\"");
  }

  private FilterToken string(int position) throws InvalidFilterException {
    StringBuilder value = new StringBuilder();
    at++;
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return new FilterToken(Kind.STRING, value.toString(), position);
      }
      if (c == '\\' && at < text.length()) {
        c = text.charAt(at++);
      }
      value.append(c);
    }
    throw new InvalidFilterException(position, "the string that starts here has no closing quote");
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Numbers are ASCII digits; {@code Character.isDigit} also holds for other scripts' digits. */
  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
