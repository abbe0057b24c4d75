package io.cloudnativemcp.domain.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** How {@code kubernetes_search_resources} matches names: contains, startsWith, endsWith, exact, regex. */
public final class NameMatcher {
  public static final List<String> MODES = List.of("contains", "startsWith", "endsWith", "exact", "regex");
  static final int MAX_PATTERN = 256;

  private final String mode;
  private final String query;
  private final boolean caseSensitive;
  private final Pattern pattern;

  private NameMatcher(String mode, String query, boolean caseSensitive, Pattern pattern) {
    this.mode = mode;
    this.query = query;
    this.caseSensitive = caseSensitive;
    this.pattern = pattern;
  }

  /**
   * @param mode one of {@link #MODES}
   * @param query the text or pattern; empty matches every name
   * @throws IllegalArgumentException for an unknown mode or an invalid regular expression
   */
  public static NameMatcher of(String mode, String query, boolean caseSensitive) {
    Objects.requireNonNull(mode, "'mode' must not be null");
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("unknown search mode '" + mode + "'; use " + String.join(", ", MODES));
    }
    String q = query == null ? "" : query;
    Pattern p = null;
    if (mode.equals("regex") && !q.isEmpty()) {
      if (q.length() > MAX_PATTERN) {
        throw new IllegalArgumentException("the pattern is longer than " + MAX_PATTERN + " characters");
      }
      try {
        p = Pattern.compile(q, caseSensitive ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      } catch (PatternSyntaxException e) {
        throw new IllegalArgumentException("invalid regular expression: " + e.getDescription(), e);
      }
    }
    return new NameMatcher(mode, caseSensitive ? q : q.toLowerCase(Locale.ROOT), caseSensitive, p);
  }

  public boolean matches(String name) {
    if (name == null) {
      return false;
    }
    if (query.isEmpty()) {
      return true;
    }
    if (pattern != null) {
      return pattern.matcher(name).find();
    }
    String n = caseSensitive ? name : name.toLowerCase(Locale.ROOT);
    return switch (mode) {
      case "startsWith" -> n.startsWith(query);
      case "endsWith" -> n.endsWith(query);
      case "exact" -> n.equals(query);
      default -> n.contains(query);
    };
  }
}
