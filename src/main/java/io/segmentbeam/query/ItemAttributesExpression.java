package io.segmentbeam.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Item-Attribute-Affinity query, {@code ITEMS.GENRES = "Comedy" AND ITEMS.PRICE = 9.99}:
 *
 * <pre>
 * expression = condition { "AND" condition }
 * condition  = "ITEMS" "." field "=" value
 * value      = '"' { character | "\" character } '"' | number
 * </pre>
 *
 * Keywords are case-insensitive; {@code \} makes the next character literal inside quotes. Only
 * {@code =} and {@code AND} exist: OR, IN, NOT, ranges, other comparisons, parentheses,
 * placeholders and other datasets are refused with a message that says where and why.
 */
public final class ItemAttributesExpression {
  private static final Set<String> OTHER_DATASETS = Set.of("USERS", "INTERACTIONS");
  private static final Set<String> FORBIDDEN_WORDS = Set.of("OR", "IN", "NOT", "BETWEEN", "LIKE");
  private static final String ONLY_EQUALS = "Item-Attribute-Affinity queries compare a field with = only";

  /** Longer numbers are refused: no item field holds one, and comparing them costs time. */
  static final int MAX_NUMBER_LENGTH = 64;

  private final List<AttributeCondition> conditions;

  private ItemAttributesExpression(List<AttributeCondition> conditions) {
    this.conditions = List.copyOf(conditions);
  }

  public List<AttributeCondition> conditions() {
    return conditions;
  }

  @Override
  public String toString() {
    return String.join(" AND ", conditions.stream().map(AttributeCondition::toString).toList());
  }

  public static ItemAttributesExpression parse(String text) throws InvalidQueryException {
    return new Parser(text).expression();
  }

  /** A token: its kind, its text (unescaped for strings) and its 1-based position. */
  private record Token(Kind kind, String text, int position) {
    String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  private enum Kind { WORD, STRING, NUMBER, SYMBOL, END }

  private static final class Parser {
    private final String text;
    private int at;
    private Token token;

    Parser(String text) {
      this.text = text;
    }

    ItemAttributesExpression expression() throws InvalidQueryException {
      advance();
      if (token.kind() == Kind.END) {
        throw new InvalidQueryException("\"itemAttributes\" has no condition: write e.g. ITEMS.GENRES = \"Comedy\"");
      }
      List<AttributeCondition> conditions = new ArrayList<>();
      conditions.add(condition());
      while (token.kind() != Kind.END) {
        if (token.kind() == Kind.WORD && token.upper().equals("AND")) {
          Token and = token;
          advance();
          if (token.kind() == Kind.END) {
            throw new InvalidQueryException("\"AND\" at character " + and.position() + " is not followed by a condition");
          }
          conditions.add(condition());
        } else if (token.kind() == Kind.WORD && token.upper().equals("OR")) {
          throw new InvalidQueryException("\"OR\" at character " + token.position() + " is not allowed: "
              + "Item-Attribute-Affinity queries join conditions with AND only; write each alternative as its own "
              + "input line");
        } else {
          throw unexpected("after a condition, only AND and another condition may follow");
        }
      }
      return new ItemAttributesExpression(conditions);
    }

    private AttributeCondition condition() throws InvalidQueryException {
      Token start = token;
      if (start.kind() == Kind.SYMBOL && start.text().equals("(")) {
        throw new InvalidQueryException("\"(\" at character " + start.position() + " is not allowed: "
            + "queries have no parentheses; join conditions with AND, and write alternatives as separate lines");
      }
      if (start.kind() != Kind.WORD) {
        throw unexpected("a condition starts with ITEMS.<FIELD>");
      }
      String dataset = start.upper();
      advance();
      if (!(token.kind() == Kind.SYMBOL && token.text().equals("."))) {
        throw new InvalidQueryException("\"" + start.text() + "\" at character " + start.position()
            + " is not a field: write fields as ITEMS.<FIELD>, e.g. ITEMS.GENRES = \"Comedy\"");
      }
      if (!dataset.equals("ITEMS")) {
        throw new InvalidQueryException("\"" + start.text() + ".\" at character " + start.position()
            + " is not allowed: Item-Attribute-Affinity queries use only ITEMS fields"
            + (OTHER_DATASETS.contains(dataset) ? "" : ", and there is no dataset " + start.text()));
      }
      advance();
      if (token.kind() != Kind.WORD) {
        throw unexpected("ITEMS. must be followed by a field name, e.g. ITEMS.GENRES");
      }
      String field = token.text();
      advance();
      if (!(token.kind() == Kind.SYMBOL && token.text().equals("="))) {
        if (token.kind() == Kind.SYMBOL && !token.text().equals(".")
            || token.kind() == Kind.WORD && FORBIDDEN_WORDS.contains(token.upper())) {
          throw new InvalidQueryException("\"" + token.text() + "\" at character " + token.position()
              + " is not allowed: " + ONLY_EQUALS + "; ranges and lists are not supported");
        }
        throw unexpected("ITEMS." + field + " must be followed by =");
      }
      advance();
      if (token.kind() == Kind.SYMBOL && token.text().startsWith("$")) {
        throw new InvalidQueryException("\"" + token.text() + "\" at character " + token.position()
            + " is not allowed: queries take literal values, not $ placeholders");
      }
      if (token.kind() != Kind.STRING && token.kind() != Kind.NUMBER) {
        throw unexpected("= must be followed by a quoted value or a number");
      }
      AttributeCondition condition = new AttributeCondition(field, token.text(), token.kind() == Kind.NUMBER,
          start.position());
      advance();
      return condition;
    }

    private InvalidQueryException unexpected(String expected) {
      String found = token.kind() == Kind.END ? "the end of the query" : "\"" + token.text() + "\" at character "
          + token.position();
      return new InvalidQueryException("Unexpected " + found + ": " + expected);
    }

    private void advance() throws InvalidQueryException {
      while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
        at++;
      }
      int position = at + 1;
      if (at == text.length()) {
        token = new Token(Kind.END, "", position);
        return;
      }
      char c = text.charAt(at);
      if (c == '"') {
        token = new Token(Kind.STRING, quoted(position), position);
      } else if (Character.isLetter(c) || c == '_') {
        int end = at;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        token = new Token(Kind.WORD, text.substring(at, end), position);
        at = end;
      } else if (isAsciiDigit(c) || (c == '-' || c == '.') && at + 1 < text.length()
          && isAsciiDigit(text.charAt(at + 1))) {
        Matcher number = NUMBER.matcher(text).region(at, text.length());
        number.lookingAt();
        if (number.group().length() > MAX_NUMBER_LENGTH) {
          throw new InvalidQueryException("The number at character " + position + " is longer than "
              + MAX_NUMBER_LENGTH + " characters");
        }
        token = new Token(Kind.NUMBER, number.group(), position);
        at = number.end();
      } else if (c == '$') {
        int end = at + 1;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
          end++;
        }
        token = new Token(Kind.SYMBOL, text.substring(at, end), position);
        at = end;
      } else {
        String two = text.startsWith("!=", at) || text.startsWith("<=", at) || text.startsWith(">=", at)
            || text.startsWith("<>", at) ? text.substring(at, at + 2) : String.valueOf(c);
        token = new Token(Kind.SYMBOL, two, position);
        at += two.length();
      }
    }

    private String quoted(int position) throws InvalidQueryException {
      StringBuilder value = new StringBuilder();
      at++;
      while (at < text.length()) {
        char c = text.charAt(at++);
        if (c == '"') {
          return value.toString();
        }
        if (c == '\\') {
          if (at == text.length()) {
            break;
          }
          c = text.charAt(at++);
        }
        value.append(c);
      }
      throw new InvalidQueryException("The quoted value starting at character " + position
          + " has no closing quote (write \\\" for a quote inside a value)");
    }
  }

  /** Only ASCII digits make numbers: {@code Character.isDigit} also holds for other scripts' digits. */
  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static final Pattern NUMBER =
      Pattern.compile("-?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");
}
