package io.cloudnativemcp.domain.tool;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Arguments of one call, checked against the tool's parameters: unknown names, wrong types, values
 * out of range and missing required values are refused with a message that names the field.
 * Defaults are filled in, so handlers read typed values without re-checking.
 */
public final class ToolArguments {
  private final Map<String, Object> values;

  private ToolArguments(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Validates raw JSON arguments.
   *
   * @throws InvalidToolArgumentException naming the first field that is wrong
   */
  public static ToolArguments validate(ToolDescriptor descriptor, Map<String, ?> raw) {
    Map<String, ?> input = raw == null ? Map.of() : raw;
    Map<String, ToolParameter> byName = new LinkedHashMap<>();
    descriptor.parameters().forEach(p -> byName.put(p.name(), p));
    for (String name : input.keySet()) {
      if (!byName.containsKey(name)) {
        String known =
            byName.isEmpty() ? "this tool takes no arguments" : "known: " + String.join(", ", byName.keySet());
        throw new InvalidToolArgumentException(name, "unknown argument (" + known + ")");
      }
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (ToolParameter p : descriptor.parameters()) {
      Object v = input.get(p.name());
      if (v == null || (v instanceof String s && s.isEmpty() && p.type() == ParameterType.STRING && !p.required())) {
        if (p.required()) {
          throw new InvalidToolArgumentException(p.name(), "is required");
        }
        if (p.defaultValue() != null) {
          values.put(p.name(), p.defaultValue());
        }
        continue;
      }
      values.put(p.name(), coerce(p, v));
    }
    return new ToolArguments(values);
  }

  /** Arguments that were already validated (for tests and internal calls). */
  public static ToolArguments trusted(Map<String, ?> values) {
    return new ToolArguments(new LinkedHashMap<>(values));
  }

  private static Object coerce(ToolParameter p, Object v) {
    switch (p.type()) {
      case STRING -> {
        if (!(v instanceof String s)) {
          throw new InvalidToolArgumentException(p.name(), "must be a string");
        }
        if (p.required() && s.isBlank() && !Long.valueOf(0).equals(p.minimum())) {
          throw new InvalidToolArgumentException(p.name(), "must not be empty");
        }
        if (s.length() > 4096) {
          throw new InvalidToolArgumentException(p.name(), "is longer than 4096 characters");
        }
        if (!p.allowedValues().isEmpty() && !p.allowedValues().contains(s)) {
          throw new InvalidToolArgumentException(
              p.name(), "must be one of " + String.join(", ", p.allowedValues()) + " (got '" + s + "')");
        }
        return s;
      }
      case INTEGER -> {
        long n = toLong(p, v);
        if (p.minimum() != null && n < p.minimum()) {
          throw new InvalidToolArgumentException(p.name(), "must be at least " + p.minimum() + " (got " + n + ")");
        }
        if (p.maximum() != null && n > p.maximum()) {
          throw new InvalidToolArgumentException(p.name(), "must be at most " + p.maximum() + " (got " + n + ")");
        }
        return n;
      }
      case NUMBER -> {
        if (v instanceof Number num) {
          return num.doubleValue();
        }
        throw new InvalidToolArgumentException(p.name(), "must be a number");
      }
      case BOOLEAN -> {
        if (v instanceof Boolean b) {
          return b;
        }
        if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
          return Boolean.valueOf(s);
        }
        throw new InvalidToolArgumentException(p.name(), "must be true or false");
      }
      case ARRAY -> {
        if (!(v instanceof Collection<?> c)) {
          throw new InvalidToolArgumentException(p.name(), "must be an array");
        }
        if (p.maximum() != null && c.size() > p.maximum()) {
          throw new InvalidToolArgumentException(
              p.name(), "must have at most " + p.maximum() + " items (got " + c.size() + ")");
        }
        if (p.required() && c.isEmpty()) {
          throw new InvalidToolArgumentException(p.name(), "must not be empty");
        }
        List<Object> items = new ArrayList<>(c.size());
        for (Object item : c) {
          if (p.itemType() == ParameterType.STRING) {
            if (!(item instanceof String str)) {
              throw new InvalidToolArgumentException(p.name(), "must be an array of strings");
            }
            if (str.length() > 4096) {
              throw new InvalidToolArgumentException(p.name(), "has an item longer than 4096 characters");
            }
          }
          items.add(item);
        }
        return List.copyOf(items);
      }
      case OBJECT -> {
        if (!(v instanceof Map<?, ?>)) {
          throw new InvalidToolArgumentException(p.name(), "must be an object");
        }
        return v;
      }
      case ANY -> {
        if (v instanceof String s && s.isBlank() && p.required()) {
          throw new InvalidToolArgumentException(p.name(), "must not be empty");
        }
        return v;
      }
      default -> throw new IllegalStateException("unhandled type " + p.type());
    }
  }

  private static long toLong(ToolParameter p, Object v) {
    if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return ((Number) v).longValue();
    }
    if (v instanceof Number num) {
      double d = num.doubleValue();
      if (d == Math.rint(d) && !Double.isInfinite(d)) {
        return (long) d;
      }
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new InvalidToolArgumentException(p.name(), "must be an integer");
  }

  public Optional<String> string(String name) {
    return Optional.ofNullable((String) values.get(name));
  }

  public String requiredString(String name) {
    return string(name).orElseThrow(() -> new InvalidToolArgumentException(name, "is required"));
  }

  public Optional<Long> integer(String name) {
    return Optional.ofNullable((Long) values.get(name));
  }

  public int intValue(String name, int fallback) {
    return integer(name).map(Long::intValue).orElse(fallback);
  }

  public boolean flag(String name) {
    return Boolean.TRUE.equals(values.get(name));
  }

  @SuppressWarnings("unchecked")
  public List<String> strings(String name) {
    Object v = values.get(name);
    return v == null ? List.of() : (List<String>) v;
  }

  @SuppressWarnings("unchecked")
  public Optional<Map<String, Object>> object(String name) {
    return Optional.ofNullable((Map<String, Object>) values.get(name));
  }

  /** The raw value of an {@code ANY} parameter, or empty. */
  public Optional<Object> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** The validated values including defaults. */
  public Map<String, Object> asMap() {
    return values;
  }

  @Override
  public String toString() {
    return values.keySet().stream().collect(Collectors.joining(", ", "ToolArguments[", "]"));
  }
}
