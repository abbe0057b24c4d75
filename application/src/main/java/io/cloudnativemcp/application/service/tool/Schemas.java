package io.cloudnativemcp.application.service.tool;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON Schemas of the tools' structured content. Every schema admits the two fields the use case
 * adds when it has to cut a result: {@code truncated} and {@code omittedItems}.
 */
final class Schemas {
  private Schemas() {}

  /** An insertion-ordered map, so that {@code tools/list} reads the same on every run. */
  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  static Map<String, Object> string(String description) {
    return ordered("type", "string", "description", description);
  }

  static Map<String, Object> integer(String description) {
    return ordered("type", "integer", "description", description);
  }

  static Map<String, Object> number(String description) {
    return ordered("type", "number", "description", description);
  }

  static Map<String, Object> bool(String description) {
    return ordered("type", "boolean", "description", description);
  }

  static Map<String, Object> anyObject(String description) {
    return ordered("type", "object", "description", description);
  }

  static Map<String, Object> anyValue(String description) {
    return ordered("description", description);
  }

  static Map<String, Object> array(Map<String, Object> items, String description) {
    return ordered("type", "array", "items", items, "description", description);
  }

  static Map<String, Object> stringArray(String description) {
    return array(ordered("type", "string"), description);
  }

  static Map<String, Object> stringMap(String description) {
    return ordered("type", "object", "additionalProperties", ordered("type", "string"), "description", description);
  }

  /** An object schema from alternating property names and schemas. */
  static Map<String, Object> object(List<String> required, Object... namesAndSchemas) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (int i = 0; i < namesAndSchemas.length; i += 2) {
      properties.put((String) namesAndSchemas[i], namesAndSchemas[i + 1]);
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", required);
    }
    return schema;
  }

  /** The top-level schema of a result, with the cut markers every result may carry. */
  static Map<String, Object> result(List<String> required, Object... namesAndSchemas) {
    Object[] all = new Object[namesAndSchemas.length + 4];
    System.arraycopy(namesAndSchemas, 0, all, 0, namesAndSchemas.length);
    all[namesAndSchemas.length] = "truncated";
    all[namesAndSchemas.length + 1] = bool("Present and true when the result was cut to fit output.maxBytes.");
    all[namesAndSchemas.length + 2] = "omittedItems";
    all[namesAndSchemas.length + 3] = integer("How many items were cut from the end of 'items'.");
    return object(required, all);
  }

  /** A page of items: the envelope every list tool returns. */
  static Map<String, Object> page(Map<String, Object> item, Object... extraNamesAndSchemas) {
    Object[] base = {
      "kind", string("The resolved kind listed."),
      "items", array(item, "The items of this page."),
      "count", integer("Items in this page."),
      "hasMore", bool("Whether another page follows."),
      "continueToken", string("Pass as continueToken to read the next page."),
      "remainingItemCount", integer("Items after this page, when the API server says."),
    };
    Object[] all = new Object[base.length + extraNamesAndSchemas.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extraNamesAndSchemas, 0, all, base.length, extraNamesAndSchemas.length);
    return result(List.of("items", "count", "hasMore"), all);
  }

  /** The outcome of a change: what was done to which object. */
  static Map<String, Object> change(Object... extraNamesAndSchemas) {
    Object[] base = {
      "action", string("What was done (created, patched, deleted, scaled, …)."),
      "kind", string("The resolved kind."),
      "name", string("Object name."),
      "namespace", string("Namespace, absent for cluster-scoped objects."),
    };
    Object[] all = new Object[base.length + extraNamesAndSchemas.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extraNamesAndSchemas, 0, all, base.length, extraNamesAndSchemas.length);
    return result(List.of("action", "kind", "name"), all);
  }
}
