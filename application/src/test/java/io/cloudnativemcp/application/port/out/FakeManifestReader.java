package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.JsonText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads JSON manifests (one object, or an array of them); YAML is the real adapter's job. */
public final class FakeManifestReader implements ManifestReader {
  @Override
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> read(String text) {
    Object parsed;
    try {
      parsed = JsonText.parse(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not JSON (the fake reads no YAML): " + e.getMessage(), e);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    if (parsed instanceof Map<?, ?> m) {
      out.add((Map<String, Object>) m);
    } else if (parsed instanceof List<?> l) {
      l.forEach(i -> out.add((Map<String, Object>) i));
    }
    return out;
  }
}
