package io.cloudnativemcp.application.port.out;

import io.cloudnativemcp.domain.cluster.ObjectFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fake cluster's selector matching and patching: enough of the API server's behaviour for tests. */
final class Selectors {
  private Selectors() {}

  static boolean labels(String selector, Map<String, Object> object) {
    if (selector == null || selector.isBlank()) {
      return true;
    }
    Map<String, Object> labels = ObjectFields.map(object, "metadata", "labels");
    for (String term : selector.split(",")) {
      String t = term.trim();
      if (t.contains("!=")) {
        String[] kv = t.split("!=", 2);
        if (kv[1].trim().equals(String.valueOf(labels.get(kv[0].trim())))) {
          return false;
        }
      } else if (t.contains("=")) {
        String[] kv = t.split("==?", 2);
        if (!kv[1].trim().equals(String.valueOf(labels.get(kv[0].trim())))) {
          return false;
        }
      } else if (t.startsWith("!")) {
        if (labels.containsKey(t.substring(1))) {
          return false;
        }
      } else if (!t.isEmpty() && !labels.containsKey(t)) {
        return false;
      }
    }
    return true;
  }

  static boolean fields(String selector, Map<String, Object> object) {
    if (selector == null || selector.isBlank()) {
      return true;
    }
    for (String term : selector.split(",")) {
      String t = term.trim();
      boolean negate = t.contains("!=");
      String[] kv = t.split(negate ? "!=" : "==?", 2);
      if (kv.length < 2) {
        continue;
      }
      String actual = ObjectFields.string(object, kv[0].trim().split("\\."));
      boolean equal = kv[1].trim().equals(actual);
      if (equal == negate) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, copy(v)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object copy(Object v) {
    if (v instanceof Map<?, ?> m) {
      return deepCopy((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(i -> out.add(copy(i)));
      return out;
    }
    return v;
  }

  /** RFC 7386: maps merge, null removes, everything else replaces. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> mergePatch(Map<String, Object> target, Object patch) {
    Map<String, Object> out = deepCopy(target);
    for (Map.Entry<String, Object> e : ((Map<String, Object>) patch).entrySet()) {
      if (e.getValue() == null) {
        out.remove(e.getKey());
      } else if (e.getValue() instanceof Map<?, ?> m && out.get(e.getKey()) instanceof Map<?, ?> existing) {
        out.put(e.getKey(), mergePatch((Map<String, Object>) existing, m));
      } else if (e.getValue() instanceof Map<?, ?> m) {
        out.put(e.getKey(), mergePatch(new LinkedHashMap<>(), m));
      } else {
        out.put(e.getKey(), copy(e.getValue()));
      }
    }
    return out;
  }

  /** RFC 6902 add, replace and remove on map paths. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> jsonPatch(Map<String, Object> target, Object patch) {
    Map<String, Object> out = deepCopy(target);
    for (Object o : (List<Object>) patch) {
      Map<String, Object> op = (Map<String, Object>) o;
      String[] path = String.valueOf(op.get("path")).substring(1).split("/");
      Map<String, Object> parent = out;
      for (int i = 0; i < path.length - 1; i++) {
        parent = (Map<String, Object>) parent.computeIfAbsent(path[i].replace("~1", "/").replace("~0", "~"), k -> new LinkedHashMap<>());
      }
      String last = path[path.length - 1].replace("~1", "/").replace("~0", "~");
      switch (String.valueOf(op.get("op"))) {
        case "add", "replace" -> parent.put(last, copy(op.get("value")));
        case "remove" -> parent.remove(last);
        default -> throw new ClusterRequestException("unsupported op " + op.get("op"));
      }
    }
    return out;
  }
}
