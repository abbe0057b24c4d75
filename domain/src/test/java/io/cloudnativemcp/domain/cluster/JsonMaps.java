package io.cloudnativemcp.domain.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered, JSON-like maps that Kubernetes objects travel as. */
public final class JsonMaps {
  private JsonMaps() {}

  /** A mutable, insertion-ordered map from alternating keys and values; values may be null. */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values come in pairs");
    }
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }
}
