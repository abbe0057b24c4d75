package io.cloudnativemcp.adapter.out.persistence;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON text to and from the JSON-like maps the domain uses (audit arguments). */
final class JsonMaps {
  /**
   * Looked up once: each static {@code Json.create…} call looks the provider up again through the
   * ServiceLoader, which cost more than writing the audit row itself.
   */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JsonMaps() {}

  static String write(Map<String, ?> map) {
    return object(map).build().toString();
  }

  static Map<String, Object> read(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      return toMap(reader.readObject());
    }
  }

  private static JsonObjectBuilder object(Map<String, ?> map) {
    JsonObjectBuilder b = JSON.createObjectBuilder();
    map.forEach((k, v) -> b.add(String.valueOf(k), value(v)));
    return b;
  }

  @SuppressWarnings("unchecked")
  private static JsonValue value(Object v) {
    if (v == null) {
      return JsonValue.NULL;
    }
    if (v instanceof String s) {
      return JSON.createValue(s);
    }
    if (v instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      return JSON.createValue(((Number) v).longValue());
    }
    if (v instanceof BigInteger bi) {
      return JSON.createValue(bi);
    }
    if (v instanceof BigDecimal bd) {
      return JSON.createValue(bd);
    }
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? JSON.createValue(d) : JSON.createValue(String.valueOf(d));
    }
    if (v instanceof Map<?, ?> m) {
      return object((Map<String, ?>) m).build();
    }
    if (v instanceof Collection<?> c) {
      JsonArrayBuilder a = JSON.createArrayBuilder();
      c.forEach(item -> a.add(value(item)));
      return a.build();
    }
    return JSON.createValue(String.valueOf(v));
  }

  private static Map<String, Object> toMap(JsonObject o) {
    Map<String, Object> out = new LinkedHashMap<>();
    o.forEach((k, v) -> out.put(k, fromJson(v)));
    return out;
  }

  private static Object fromJson(JsonValue v) {
    return switch (v.getValueType()) {
      case NULL -> null;
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case STRING -> ((JsonString) v).getString();
      case NUMBER -> {
        JsonNumber n = (JsonNumber) v;
        yield n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
      }
      case OBJECT -> toMap((JsonObject) v);
      case ARRAY -> {
        List<Object> items = new ArrayList<>();
        ((JsonArray) v).forEach(item -> items.add(fromJson(item)));
        yield items;
      }
    };
  }
}
