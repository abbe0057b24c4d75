package io.cloudnativemcp.domain.cluster;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Null-safe reads from a Kubernetes object held as nested maps and lists. */
public final class ObjectFields {
  private ObjectFields() {}

  /** The value at a path of map keys, or {@code null} when any step is missing. */
  public static Object at(Map<String, ?> object, String... path) {
    Object current = object;
    for (String key : path) {
      if (!(current instanceof Map<?, ?> m)) {
        return null;
      }
      current = m.get(key);
    }
    return current;
  }

  public static String string(Map<String, ?> object, String... path) {
    Object v = at(object, path);
    return v == null ? null : String.valueOf(v);
  }

  public static Integer integer(Map<String, ?> object, String... path) {
    Object v = at(object, path);
    if (v instanceof Number n) {
      return n.intValue();
    }
    if (v instanceof String s) {
      try {
        return Integer.valueOf(s);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Map<String, ?> object, String... path) {
    Object v = at(object, path);
    return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> list(Map<String, ?> object, String... path) {
    Object v = at(object, path);
    if (!(v instanceof List<?> l)) {
      return List.of();
    }
    return l.stream().filter(Map.class::isInstance).map(o -> (Map<String, Object>) o).toList();
  }

  public static Instant instant(Map<String, ?> object, String... path) {
    String s = string(object, path);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** The status of the named condition ({@code True}, {@code False}, {@code Unknown}) or null. */
  public static String condition(Map<String, ?> object, String type) {
    for (Map<String, Object> c : list(object, "status", "conditions")) {
      if (type.equals(c.get("type"))) {
        return String.valueOf(c.get("status"));
      }
    }
    return null;
  }
}
