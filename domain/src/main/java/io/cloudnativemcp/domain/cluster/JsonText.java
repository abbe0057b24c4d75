package io.cloudnativemcp.domain.cluster;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text to and from the JSON-like values objects travel as (maps, lists, strings, {@code Long}
 * or {@code Double} numbers, booleans, null). Small and strict: it reads what the API server and
 * Helm write, and refuses anything else with the position of the problem.
 */
public final class JsonText {
  /** Deeper nesting is refused, so that hostile input cannot exhaust the stack. */
  static final int MAX_DEPTH = 200;

  private final String s;
  private int i;

  private JsonText(String s) {
    this.s = s;
  }

  /**
   * Parses one JSON document.
   *
   * @throws IllegalArgumentException naming the position of the first problem
   */
  public static Object parse(String text) {
    JsonText p = new JsonText(text);
    p.skipSpace();
    Object v = p.value(0);
    p.skipSpace();
    if (p.i != text.length()) {
      throw p.error("unexpected text after the JSON value");
    }
    return v;
  }

  /** Parses a JSON object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> parseObject(String text) {
    Object v = parse(text);
    if (!(v instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    return (Map<String, Object>) v;
  }

  /** Compact JSON. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, -1, 0);
    return out.toString();
  }

  /** JSON indented by two spaces. */
  public static String pretty(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, 2, 0);
    return out.toString();
  }

  /** The length in UTF-8 bytes of the compact JSON of a value, without building the text twice. */
  public static int utf8Length(Object value) {
    String json = write(value);
    int n = 0;
    for (int k = 0; k < json.length(); k++) {
      char c = json.charAt(k);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        k++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  private static void write(StringBuilder out, Object v, int indent, int level) {
    if (v == null) {
      out.append("null");
    } else if (v instanceof String str) {
      quote(out, str);
    } else if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      out.append("null");
    } else if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      out.append(d.longValue());
    } else if (v instanceof Number || v instanceof Boolean) {
      out.append(v);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, indent, level + 1);
        quote(out, String.valueOf(e.getKey()));
        out.append(indent >= 0 ? ": " : ":");
        write(out, e.getValue(), indent, level + 1);
      }
      newline(out, indent, level);
      out.append('}');
    } else if (v instanceof Collection<?> c) {
      if (c.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      boolean first = true;
      for (Object item : c) {
        if (!first) {
          out.append(',');
        }
        first = false;
        newline(out, indent, level + 1);
        write(out, item, indent, level + 1);
      }
      newline(out, indent, level);
      out.append(']');
    } else {
      quote(out, String.valueOf(v));
    }
  }

  private static void newline(StringBuilder out, int indent, int level) {
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * level));
    }
  }

  private static void quote(StringBuilder out, String str) {
    out.append('"');
    for (int k = 0; k < str.length(); k++) {
      char c = str.charAt(k);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
    if (i >= s.length()) {
      throw error("unexpected end of input");
    }
    char c = s.charAt(i);
    switch (c) {
      case '{' -> {
        return object(depth);
      }
      case '[' -> {
        return array(depth);
      }
      case '"' -> {
        return string();
      }
      case 't' -> {
        literal("true");
        return Boolean.TRUE;
      }
      case 'f' -> {
        literal("false");
        return Boolean.FALSE;
      }
      case 'n' -> {
        literal("null");
        return null;
      }
      default -> {
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character '" + c + "'");
      }
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> out = new LinkedHashMap<>();
    i++;
    skipSpace();
    if (peek() == '}') {
      i++;
      return out;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw error("expected a quoted key");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      out.put(key, value(depth + 1));
      skipSpace();
      char c = next();
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw error("expected ',' or '}'");
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> out = new ArrayList<>();
    i++;
    skipSpace();
    if (peek() == ']') {
      i++;
      return out;
    }
    while (true) {
      skipSpace();
      out.add(value(depth + 1));
      skipSpace();
      char c = next();
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      char c = s.charAt(i++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\') {
        char e = next();
        switch (e) {
          case '"', '\\', '/' -> out.append(e);
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            if (i + 4 > s.length()) {
              throw error("bad unicode escape");
            }
            try {
              out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            } catch (NumberFormatException ex) {
              throw error("bad unicode escape");
            }
            i += 4;
          }
          default -> throw error("bad escape '\\" + e + "'");
        }
      } else if (c < 0x20) {
        throw error("control character in string");
      } else {
        out.append(c);
      }
    }
  }

  private Object number() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    while (i < s.length() && "0123456789.eE+-".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
    String n = s.substring(start, i);
    try {
      BigDecimal d = new BigDecimal(n);
      if (n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException tooBig) {
          return d.doubleValue();
        }
      }
      return d.doubleValue();
    } catch (NumberFormatException e) {
      throw error("bad number '" + n + "'");
    }
  }

  private void literal(String word) {
    if (!s.startsWith(word, i)) {
      throw error("unexpected text");
    }
    i += word.length();
  }

  private void skipSpace() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
  }

  private char peek() {
    return i < s.length() ? s.charAt(i) : '\0';
  }

  private char next() {
    if (i >= s.length()) {
      throw error("unexpected end of input");
    }
    return s.charAt(i++);
  }

  private void expect(char c) {
    if (next() != c) {
      i--;
      throw error("expected '" + c + "'");
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("invalid JSON at position " + i + ": " + problem);
  }
}
