package io.cloudnativemcp.adapter.out.k8s;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the client's Gson trees into plain maps, keeping integers as {@code Long}. */
final class JsonElements {
  private JsonElements() {}

  static Map<String, Object> toMap(JsonObject object) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonElement> e : object.entrySet()) {
      out.put(e.getKey(), toValue(e.getValue()));
    }
    return out;
  }

  static Object toValue(JsonElement e) {
    if (e == null || e.isJsonNull()) {
      return null;
    }
    if (e.isJsonObject()) {
      return toMap(e.getAsJsonObject());
    }
    if (e.isJsonArray()) {
      JsonArray a = e.getAsJsonArray();
      List<Object> items = new ArrayList<>(a.size());
      for (JsonElement item : a) {
        items.add(toValue(item));
      }
      return items;
    }
    JsonPrimitive p = e.getAsJsonPrimitive();
    if (p.isBoolean()) {
      return p.getAsBoolean();
    }
    if (p.isNumber()) {
      BigDecimal d = p.getAsBigDecimal();
      if (d.scale() <= 0 || d.stripTrailingZeros().scale() <= 0) {
        try {
          return d.longValueExact();
        } catch (ArithmeticException tooBig) {
          return d;
        }
      }
      return d.doubleValue();
    }
    return p.getAsString();
  }
}
