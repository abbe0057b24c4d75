package io.cloudnativemcp.domain.tool;

import java.util.Locale;

/** JSON types a tool parameter can take. */
public enum ParameterType {
  STRING,
  INTEGER,
  NUMBER,
  BOOLEAN,
  ARRAY,
  OBJECT;

  public String jsonType() {
    return name().toLowerCase(Locale.ROOT);
  }
}
