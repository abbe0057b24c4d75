package io.cloudnativemcp.application.service.render;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes JSON-like data (maps, lists, strings, numbers, booleans, null) as block-style YAML, the
 * way {@code kubectl get -o yaml} shows objects. Strings that YAML would read as something else are
 * quoted; multi-line strings become literal blocks.
 */
public final class YamlWriter {
  private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_./][A-Za-z0-9_./ :=+@,()-]*");
  private static final Pattern NUMBER_LIKE =
      Pattern.compile("[-+]?(\\.[0-9]+|[0-9][0-9_]*(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  /** YAML 1.1 timestamps: parsers would read these as dates, so they are quoted like kubectl does. */
  private static final Pattern TIMESTAMP_LIKE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}([Tt ].*)?");
  private static final java.util.Set<String> RESERVED =
      java.util.Set.of("true", "false", "yes", "no", "on", "off", "null", "~", "y", "n");

  private YamlWriter() {}

  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      writeMap(out, m, 0);
    } else if (value instanceof Collection<?> c && !c.isEmpty()) {
      writeList(out, c, 0);
    } else {
      out.append(scalar(value)).append('\n');
    }
    return out.toString();
  }

  private static void writeMap(StringBuilder out, Map<?, ?> map, int indent) {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      indent(out, indent);
      out.append(key(String.valueOf(e.getKey()))).append(':');
      writeValueAfterKey(out, e.getValue(), indent);
    }
  }

  private static void writeList(StringBuilder out, Collection<?> list, int indent) {
    for (Object item : list) {
      indent(out, indent);
      out.append('-');
      if (item instanceof Map<?, ?> m && !m.isEmpty()) {
        // The first entry goes on the dash line, the rest align under it.
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (first) {
            out.append(' ');
            first = false;
          } else {
            indent(out, indent + 2);
          }
          out.append(key(String.valueOf(e.getKey()))).append(':');
          writeValueAfterKey(out, e.getValue(), indent + 2);
        }
      } else if (item instanceof Collection<?> c && !c.isEmpty()) {
        out.append('\n');
        writeList(out, c, indent + 2);
      } else {
        out.append(' ');
        appendScalarOrBlock(out, item, indent + 2);
      }
    }
  }

  private static void writeValueAfterKey(StringBuilder out, Object value, int indent) {
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      out.append('\n');
      writeMap(out, m, indent + 2);
    } else if (value instanceof Collection<?> c && !c.isEmpty()) {
      out.append('\n');
      writeList(out, c, indent);
    } else {
      out.append(' ');
      appendScalarOrBlock(out, value, indent + 2);
    }
  }

  private static void appendScalarOrBlock(StringBuilder out, Object value, int indent) {
    if (value instanceof String s && s.indexOf('\n') >= 0 && s.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
      String body = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
      // "|" keeps one final line break; more of them (or a lone one) need "|+" to survive.
      out.append(!s.endsWith("\n") ? "|-" : body.isEmpty() || body.endsWith("\n") ? "|+" : "|");
      // A parser takes the indentation from the first line with content, even after empty lines.
      int first = 0;
      while (first < s.length() && s.charAt(first) == '\n') {
        first++;
      }
      if (first < s.length() && s.charAt(first) == ' ') {
        out.append('2');
      }
      out.append('\n');
      for (String line : body.split("\n", -1)) {
        if (!line.isEmpty()) {
          indent(out, indent);
          out.append(line);
        }
        out.append('\n');
      }
      return;
    }
    out.append(scalar(value)).append('\n');
  }

  private static String key(String k) {
    return needsQuotes(k) ? quote(k) : k;
  }

  static String scalar(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof Collection<?>) {
      return "[]";
    }
    if (value instanceof Number || value instanceof Boolean) {
      if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15) {
        return String.valueOf(d.longValue());
      }
      return String.valueOf(value);
    }
    String s = String.valueOf(value);
    return needsQuotes(s) ? quote(s) : s;
  }

  private static boolean needsQuotes(String s) {
    if (s.isEmpty() || !PLAIN_SAFE.matcher(s).matches()) {
      return true;
    }
    if (s.endsWith(" ") || s.endsWith(":") || s.contains(": ") || s.contains(" #")) {
      return true;
    }
    return RESERVED.contains(s.toLowerCase(Locale.ROOT))
        || NUMBER_LIKE.matcher(s).matches()
        || TIMESTAMP_LIKE.matcher(s).matches();
  }

  private static String quote(String s) {
    StringBuilder q = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\t' -> q.append("\\t");
        case '\r' -> q.append("\\r");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\x%02x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }

  private static void indent(StringBuilder out, int n) {
    out.append(" ".repeat(n));
  }
}
