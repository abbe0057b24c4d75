package io.cloudnativemcp.domain.tool;

import java.util.Locale;

/** JSON types a tool parameter can take. */
public enum ParameterType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  ARRAY,
  OBJECT,
  /** Any JSON value (an object, an array or a string), such as a patch. */
  ANY;

  /** The JSON Schema type, or {@code null} for {@link #ANY}. */
  public String jsonType() {
    return this == ANY ? null : name().toLowerCase(Locale.ROOT);
  }
}
