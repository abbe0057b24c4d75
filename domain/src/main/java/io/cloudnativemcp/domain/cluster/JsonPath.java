package io.cloudnativemcp.domain.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The JSONPath dialect of {@code kubectl -o jsonpath}, evaluated over objects held as maps and
 * lists. A template mixes text and {@code {expressions}}: {@code {.metadata.name}},
 * {@code {.items[*].status.phase}}, {@code {.status.conditions[?(@.type=="Ready")].status}},
 * {@code {..image}}, {@code {range .items[*]}{.metadata.name}{"\n"}{end}}. A bare path such as
 * {@code status.phase} is read as {@code {.status.phase}}.
 *
 * <p>Evaluation only reads the values it is given; nothing is executed or looked up elsewhere.
 */
public final class JsonPath {
  static final int MAX_LENGTH = 2048;
  static final int MAX_RESULTS = 10_000;

  private final String source;
  private final List<Node> nodes;

  private JsonPath(String source, List<Node> nodes) {
    this.source = source;
    this.nodes = nodes;
  }

  /**
   * Compiles a template or a bare path.
   *
   * @throws IllegalArgumentException naming what is wrong and where
   */
  public static JsonPath compile(String expression) {
    Objects.requireNonNull(expression, "'expression' must not be null");
    String e = expression.strip();
    if (e.isEmpty()) {
      throw new IllegalArgumentException("the JSONPath expression is empty");
    }
    if (e.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("the JSONPath expression is longer than " + MAX_LENGTH + " characters");
    }
    if (e.indexOf('{') < 0) {
      e = "{" + (e.startsWith(".") || e.startsWith("[") ? "" : ".") + e + "}";
    }
    Parser p = new Parser(e);
    List<Node> nodes = p.template(false);
    return new JsonPath(e, nodes);
  }

  /** The normalised template, such as {@code {.status.phase}}. */
  public String expression() {
    return source;
  }

  /** Whether the template reads a list's {@code items} (so it applies to a whole list). */
  public boolean readsItems() {
    return source.contains("{.items") || source.contains("{range .items") || source.contains("{ range .items");
  }

  /** The values every expression of the template selects, in order (text parts are skipped). */
  public List<Object> values(Object root) {
    List<Object> out = new ArrayList<>();
    collect(nodes, root, out);
    return out;
  }

  /** The template's text output as {@code kubectl} prints it: values separated by spaces. */
  public String render(Object root) {
    StringBuilder out = new StringBuilder();
    render(nodes, root, out);
    return out.toString();
  }

  private static void collect(List<Node> nodes, Object current, List<Object> out) {
    for (Node n : nodes) {
      if (n instanceof Expr x) {
        out.addAll(x.path.select(current));
      } else if (n instanceof Range r) {
        for (Object item : r.path.select(current)) {
          collect(r.body, item, out);
        }
      }
    }
  }

  private static void render(List<Node> nodes, Object current, StringBuilder out) {
    for (Node n : nodes) {
      if (n instanceof Text t) {
        out.append(t.text);
      } else if (n instanceof Expr x) {
        List<Object> values = x.path.select(current);
        for (int k = 0; k < values.size(); k++) {
          if (k > 0) {
            out.append(' ');
          }
          out.append(format(values.get(k)));
        }
      } else if (n instanceof Range r) {
        for (Object item : r.path.select(current)) {
          render(r.body, item, out);
        }
      }
    }
  }

  /** How one value prints: scalars as text, maps and lists as compact JSON. */
  public static String format(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Map<?, ?> || v instanceof Collection<?>) {
      return JsonText.write(v);
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return String.valueOf(d.longValue());
    }
    return String.valueOf(v);
  }

  private sealed interface Node permits Text, Expr, Range {}

  private record Text(String text) implements Node {}

  private record Expr(Path path) implements Node {}

  private record Range(Path path, List<Node> body) implements Node {}

  /** A path: a sequence of steps applied to a set of current values. */
  private record Path(List<Step> steps) {
    List<Object> select(Object root) {
      List<Object> current = new ArrayList<>();
      current.add(root);
      for (Step s : steps) {
        List<Object> next = new ArrayList<>();
        for (Object c : current) {
          s.apply(c, next);
          if (next.size() > MAX_RESULTS) {
            throw new IllegalArgumentException("the JSONPath expression selects more than " + MAX_RESULTS + " values");
          }
        }
        current = next;
      }
      return current;
    }
  }

  private interface Step {
    void apply(Object in, List<Object> out);
  }

  private record Field(String name) implements Step {
    @Override
    public void apply(Object in, List<Object> out) {
      if (in instanceof Map<?, ?> m && m.containsKey(name)) {
        out.add(m.get(name));
      }
    }
  }

  private record Wildcard() implements Step {
    @Override
    public void apply(Object in, List<Object> out) {
      if (in instanceof Map<?, ?> m) {
        out.addAll(m.values());
      } else if (in instanceof List<?> l) {
        out.addAll(l);
      }
    }
  }

  private record Recursive(String name) implements Step {
    @Override
    public void apply(Object in, List<Object> out) {
      walk(in, out, 0);
    }

    private void walk(Object in, List<Object> out, int depth) {
      if (depth > JsonText.MAX_DEPTH) {
        return;
      }
      if (in instanceof Map<?, ?> m) {
        if (name == null) {
          out.addAll(m.values());
        } else if (m.containsKey(name)) {
          out.add(m.get(name));
        }
        for (Object v : m.values()) {
          walk(v, out, depth + 1);
        }
      } else if (in instanceof List<?> l) {
        for (Object v : l) {
          walk(v, out, depth + 1);
        }
      }
    }
  }

  private record Index(List<Integer> indices) implements Step {
    @Override
    public void apply(Object in, List<Object> out) {
      if (!(in instanceof List<?> l)) {
        return;
      }
      for (int idx : indices) {
        int k = idx < 0 ? l.size() + idx : idx;
        if (k >= 0 && k < l.size()) {
          out.add(l.get(k));
        }
      }
    }
  }

  private record Names(List<String> names) implements Step {
    @Override
    public void apply(Object in, List<Object> out) {
      if (in instanceof Map<?, ?> m) {
        for (String n : names) {
          if (m.containsKey(n)) {
            out.add(m.get(n));
          }
        }
      }
    }
  }

  private record Slice(Integer start, Integer end, int step) implements Step {
    @Override
    public void apply(Object in, List<Object> out) {
      if (!(in instanceof List<?> l)) {
        return;
      }
      int n = l.size();
      int from = start == null ? 0 : start < 0 ? Math.max(0, n + start) : Math.min(start, n);
      int to = end == null ? n : end < 0 ? Math.max(0, n + end) : Math.min(end, n);
      for (int k = from; k < to; k += step) {
        out.add(l.get(k));
      }
    }
  }

  private record Filter(Path left, String op, Object right, Path rightPath) implements Step {
    @Override
    public void apply(Object in, List<Object> out) {
      Collection<?> candidates = in instanceof List<?> l ? l : in instanceof Map<?, ?> m ? m.values() : List.of();
      for (Object c : candidates) {
        if (matches(c)) {
          out.add(c);
        }
      }
    }

    private boolean matches(Object candidate) {
      List<Object> l = left.select(candidate);
      if (op == null) {
        return !l.isEmpty() && l.get(0) != null && !Boolean.FALSE.equals(l.get(0));
      }
      if (l.isEmpty()) {
        return false;
      }
      Object r = right;
      if (rightPath != null) {
        List<Object> rv = rightPath.select(candidate);
        if (rv.isEmpty()) {
          return false;
        }
        r = rv.get(0);
      }
      return compare(l.get(0), op, r);
    }

    private static boolean compare(Object a, String op, Object b) {
      if (a instanceof Number x && b instanceof Number y) {
        int c = Double.compare(x.doubleValue(), y.doubleValue());
        return test(c, op);
      }
      String sa = format(a);
      String sb = format(b);
      return switch (op) {
        case "==" -> sa.equals(sb);
        case "!=" -> !sa.equals(sb);
        default -> test(sa.compareTo(sb), op);
      };
    }

    private static boolean test(int c, String op) {
      return switch (op) {
        case "==" -> c == 0;
        case "!=" -> c != 0;
        case "<" -> c < 0;
        case "<=" -> c <= 0;
        case ">" -> c > 0;
        case ">=" -> c >= 0;
        default -> false;
      };
    }
  }

  /** A recursive-descent parser of the template language. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    List<Node> template(boolean inRange) {
      List<Node> nodes = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c != '{') {
          text.append(c);
          i++;
          continue;
        }
        if (text.length() > 0) {
          nodes.add(new Text(text.toString()));
          text.setLength(0);
        }
        int close = closingBrace(i);
        String inner = s.substring(i + 1, close).strip();
        int at = i;
        i = close + 1;
        if (inner.equals("end")) {
          if (!inRange) {
            throw error(at, "{end} without {range}");
          }
          return nodes;
        }
        if (inner.startsWith("range ") || inner.startsWith("range\t")) {
          Path path = new PathParser(inner.substring(6).strip(), at).path();
          List<Node> body = template(true);
          nodes.add(new Range(path, body));
        } else if (inner.startsWith("\"") || inner.startsWith("'")) {
          nodes.add(new Text(unquote(inner, at)));
        } else if (inner.isEmpty()) {
          throw error(at, "empty expression {}");
        } else {
          nodes.add(new Expr(new PathParser(inner, at).path()));
        }
      }
      if (inRange) {
        throw error(i, "{range} without {end}");
      }
      if (text.length() > 0) {
        nodes.add(new Text(text.toString()));
      }
      return nodes;
    }

    private int closingBrace(int open) {
      boolean quoted = false;
      char quote = 0;
      for (int k = open + 1; k < s.length(); k++) {
        char c = s.charAt(k);
        if (quoted) {
          if (c == '\\') {
            k++;
          } else if (c == quote) {
            quoted = false;
          }
        } else if (c == '"' || c == '\'') {
          quoted = true;
          quote = c;
        } else if (c == '}') {
          return k;
        }
      }
      throw error(open, "unclosed '{'");
    }

    private IllegalArgumentException error(int at, String problem) {
      return new IllegalArgumentException("invalid JSONPath at position " + at + ": " + problem);
    }

    private String unquote(String q, int at) {
      char quote = q.charAt(0);
      if (q.length() < 2 || q.charAt(q.length() - 1) != quote) {
        throw error(at, "unterminated string");
      }
      String body = q.substring(1, q.length() - 1);
      StringBuilder out = new StringBuilder();
      for (int k = 0; k < body.length(); k++) {
        char c = body.charAt(k);
        if (c == '\\' && k + 1 < body.length()) {
          char e = body.charAt(++k);
          out.append(
              switch (e) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                default -> e;
              });
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }

  /** Parses one path expression such as {@code .items[?(@.a=="b")].metadata['name']}. */
  private static final class PathParser {
    private final String s;
    private final int offset;
    private int i;

    PathParser(String s, int offset) {
      this.s = s;
      this.offset = offset;
    }

    Path path() {
      List<Step> steps = new ArrayList<>();
      if (s.startsWith("$")) {
        i = 1;
      } else if (s.startsWith("@")) {
        i = 1;
      }
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '.') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '.') {
            i += 2;
            String name = name();
            steps.add(new Recursive(name.isEmpty() || name.equals("*") ? null : name));
          } else {
            i++;
            if (i < s.length() && s.charAt(i) == '*') {
              i++;
              steps.add(new Wildcard());
            } else if (i < s.length() && s.charAt(i) == '[') {
              continue;
            } else {
              String name = name();
              if (name.isEmpty()) {
                if (i >= s.length() && steps.isEmpty()) {
                  break; // "{.}" is the current object
                }
                throw error("expected a field name");
              }
              steps.add(new Field(name));
            }
          }
        } else if (c == '[') {
          steps.add(bracket());
        } else if (Character.isWhitespace(c)) {
          i++;
        } else if (steps.isEmpty() && i == 0) {
          String name = name();
          if (name.isEmpty()) {
            throw error("unexpected character '" + c + "'");
          }
          steps.add(new Field(name));
        } else {
          throw error("unexpected character '" + c + "'");
        }
      }
      return new Path(List.copyOf(steps));
    }

    private String name() {
      int start = i;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '.' || c == '[' || c == ']' || c == '(' || c == ')' || c == '=' || c == '!' || c == '<' || c == '>'
            || c == ' ' || c == ',' || c == '&' || c == '|') {
          break;
        }
        i++;
      }
      return s.substring(start, i);
    }

    private Step bracket() {
      i++; // '['
      skip();
      if (peek() == '?') {
        i++;
        skip();
        expect('(');
        Step f = filter();
        skip();
        expect(')');
        skip();
        expect(']');
        return f;
      }
      if (peek() == '*') {
        i++;
        skip();
        expect(']');
        return new Wildcard();
      }
      if (peek() == '\'' || peek() == '"') {
        List<String> names = new ArrayList<>();
        while (true) {
          names.add(quoted());
          skip();
          if (peek() == ',') {
            i++;
            skip();
            continue;
          }
          expect(']');
          return new Names(names);
        }
      }
      int close = s.indexOf(']', i);
      if (close < 0) {
        throw error("unclosed '['");
      }
      String inner = s.substring(i, close).strip();
      i = close + 1;
      try {
        if (inner.contains(":")) {
          String[] parts = inner.split(":", -1);
          Integer start = parts[0].isBlank() ? null : Integer.valueOf(parts[0].strip());
          Integer end = parts.length > 1 && !parts[1].isBlank() ? Integer.valueOf(parts[1].strip()) : null;
          int step = parts.length > 2 && !parts[2].isBlank() ? Integer.parseInt(parts[2].strip()) : 1;
          if (step < 1) {
            throw error("slice step must be positive");
          }
          return new Slice(start, end, step);
        }
        List<Integer> indices = new ArrayList<>();
        for (String part : inner.split(",")) {
          indices.add(Integer.valueOf(part.strip()));
        }
        return new Index(indices);
      } catch (NumberFormatException e) {
        throw error("expected an index, a slice, '*', a quoted name or a filter in [" + inner + "]");
      }
    }

    private Step filter() {
      skip();
      if (peek() != '@') {
        throw error("a filter starts with @");
      }
      Path left = new PathParser(operand(), offset + i).path();
      skip();
      String op = null;
      for (String candidate : List.of("==", "!=", "<=", ">=", "<", ">")) {
        if (s.startsWith(candidate, i)) {
          op = candidate;
          i += candidate.length();
          break;
        }
      }
      if (op == null) {
        return new Filter(left, null, null, null);
      }
      skip();
      if (peek() == '\'' || peek() == '"') {
        return new Filter(left, op, quoted(), null);
      }
      if (peek() == '@') {
        return new Filter(left, op, null, new PathParser(operand(), offset + i).path());
      }
      int start = i;
      while (i < s.length() && s.charAt(i) != ')' && !Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      String literal = s.substring(start, i);
      if (literal.equals("true") || literal.equals("false")) {
        return new Filter(left, op, literal, null);
      }
      try {
        return new Filter(left, op, Double.valueOf(literal), null);
      } catch (NumberFormatException e) {
        throw error("expected a quoted string, a number or a path after " + op);
      }
    }

    private String operand() {
      int start = i;
      int depth = 0;
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        } else if (depth == 0 && (c == '=' || c == '!' || c == '<' || c == '>' || c == ')' || Character.isWhitespace(c))) {
          break;
        }
        i++;
      }
      return s.substring(start, i);
    }

    private String quoted() {
      char q = s.charAt(i++);
      StringBuilder out = new StringBuilder();
      while (i < s.length() && s.charAt(i) != q) {
        char c = s.charAt(i++);
        if (c == '\\' && i < s.length()) {
          c = s.charAt(i++);
        }
        out.append(c);
      }
      if (i >= s.length()) {
        throw error("unterminated string");
      }
      i++;
      return out.toString();
    }

    private void skip() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }

    private char peek() {
      return i < s.length() ? s.charAt(i) : '\0';
    }

    private void expect(char c) {
      if (peek() != c) {
        throw error("expected '" + c + "'");
      }
      i++;
    }

    private IllegalArgumentException error(String problem) {
      return new IllegalArgumentException("invalid JSONPath at position " + (offset + i) + ": " + problem);
    }
  }
}
