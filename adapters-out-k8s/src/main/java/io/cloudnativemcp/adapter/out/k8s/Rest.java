package io.cloudnativemcp.adapter.out.k8s;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.ApiResponse;
import io.kubernetes.client.openapi.Pair;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain API calls through the client's own request building, so its authentication, TLS and the
 * impersonation headers apply. Path segments are escaped here: names and namespaces are data,
 * never path syntax.
 */
final class Rest {
  static final String[] AUTH = {"BearerToken"};

  private Rest() {}

  /** {@code /api/v1/namespaces/{ns}/pods/{name}} with every segment escaped. */
  static String path(ApiClient c, String prefix, String... segments) {
    StringBuilder p = new StringBuilder(prefix);
    for (String s : segments) {
      p.append('/').append(c.escapeString(s));
    }
    return p.toString();
  }

  static Map<String, Object> get(ApiClient c, String path) throws ApiException {
    return call(c, "GET", path, List.of(), null, null);
  }

  static Map<String, Object> get(ApiClient c, String path, List<Pair> query) throws ApiException {
    return call(c, "GET", path, query, null, null);
  }

  /**
   * Sends a request with a body (JSON text as bytes, so nulls in patches survive) and returns the
   * answer as a map (empty when the answer has no object).
   */
  static Map<String, Object> call(ApiClient c, String method, String path, List<Pair> query, String contentType, String body)
      throws ApiException {
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    okhttp3.Call call =
        c.buildCall(
            c.getBasePath(),
            path,
            method,
            query,
            List.of(),
            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
            headers,
            new HashMap<>(),
            new HashMap<>(),
            AUTH,
            null);
    ApiResponse<JsonElement> response = c.execute(call, JsonElement.class);
    JsonElement data = response.getData();
    return data != null && data.isJsonObject() ? JsonElements.toMap(data.getAsJsonObject()) : Map.of();
  }

  static JsonObject object(JsonElement e) {
    return e != null && e.isJsonObject() ? e.getAsJsonObject() : new JsonObject();
  }
}
