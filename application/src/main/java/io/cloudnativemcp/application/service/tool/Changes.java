package io.cloudnativemcp.application.service.tool;

import static io.cloudnativemcp.domain.cluster.ObjectFields.string;

import io.cloudnativemcp.application.port.out.ManifestReader;
import io.cloudnativemcp.domain.cluster.ApiResource;
import io.cloudnativemcp.domain.cluster.JsonText;
import io.cloudnativemcp.domain.tool.InvalidToolArgumentException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the tools that change objects share: reading object arguments and reporting the change. */
final class Changes {
  private Changes() {}

  /**
   * An object argument given as an object, or as JSON or YAML text (older clients send text).
   *
   * @throws InvalidToolArgumentException naming the parameter when it is neither
   */
  @SuppressWarnings("unchecked")
  static Object objectOrText(Object value, String parameter, ManifestReader reader) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return value;
    }
    if (value instanceof String text && !text.isBlank()) {
      String t = text.strip();
      if (t.startsWith("{") || t.startsWith("[")) {
        try {
          return JsonText.parse(t);
        } catch (IllegalArgumentException e) {
          throw new InvalidToolArgumentException(parameter, "is not valid JSON: " + e.getMessage());
        }
      }
      List<Map<String, Object>> docs;
      try {
        docs = reader.read(t);
      } catch (IllegalArgumentException e) {
        throw new InvalidToolArgumentException(parameter, "is not valid YAML or JSON: " + e.getMessage());
      }
      if (docs.size() != 1) {
        throw new InvalidToolArgumentException(parameter, "must hold exactly one object (got " + docs.size() + ")");
      }
      return docs.get(0);
    }
    throw new InvalidToolArgumentException(parameter, "must be an object (or its JSON or YAML text)");
  }

  /** The change's structured result. */
  static Map<String, Object> result(String action, ApiResource type, Map<String, Object> object, String fallbackName, String fallbackNamespace) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("action", action);
    out.put("kind", type.kind());
    String name = object == null ? null : string(object, "metadata", "name");
    out.put("name", name == null ? fallbackName : name);
    String ns = object == null ? null : string(object, "metadata", "namespace");
    Texts.putIfPresent(out, "namespace", ns == null ? (type.namespaced() ? fallbackNamespace : null) : ns);
    if (object != null) {
      Texts.putIfPresent(out, "uid", string(object, "metadata", "uid"));
      Texts.putIfPresent(out, "resourceVersion", string(object, "metadata", "resourceVersion"));
      Object generation = io.cloudnativemcp.domain.cluster.ObjectFields.at(object, "metadata", "generation");
      if (generation instanceof Number n) {
        out.put("generation", n.longValue());
      }
    }
    return out;
  }

  static Map<String, Object> schema(Object... extra) {
    Object[] base = {
      "uid", Schemas.string("The object's uid."),
      "resourceVersion", Schemas.string("Its resourceVersion after the change."),
      "generation", Schemas.integer("Its generation after the change."),
    };
    Object[] all = new Object[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return Schemas.change(all);
  }

  /** {@code Deployment shop/web}. */
  static String label(ApiResource type, String namespace, String name) {
    return type.kind() + " " + (type.namespaced() ? Texts.qualified(namespace, name) : name);
  }
}
