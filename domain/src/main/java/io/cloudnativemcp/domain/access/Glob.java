package io.cloudnativemcp.domain.access;

import java.util.Objects;
import java.util.regex.Pattern;

/** A shell-style pattern: {@code *} matches any run of characters, {@code ?} one character. */
public record Glob(String pattern) {
  public Glob {
    Objects.requireNonNull(pattern, "'pattern' must not be null");
    if (pattern.isBlank()) {
      throw new IllegalArgumentException("a pattern must not be blank");
    }
  }

  public boolean matches(String value) {
    if (value == null) {
      return false;
    }
    if (pattern.equals("*")) {
      return true;
    }
    if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
      return pattern.equals(value);
    }
    return toRegex().matcher(value).matches();
  }

  private Pattern toRegex() {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString());
  }
}
