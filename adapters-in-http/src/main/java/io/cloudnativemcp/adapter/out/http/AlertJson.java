package io.cloudnativemcp.adapter.out.http;

import io.cloudnativemcp.domain.monitoring.Alert;
import java.util.Map;
import java.util.TreeMap;

/** The JSON form of an alert, shared by the log line and the webhook payload. */
final class AlertJson {
  private AlertJson() {}

  static String toJson(Alert alert, String server) {
    StringBuilder s = new StringBuilder("{");
    field(s, "type", alert.type().wireName()).append(',');
    field(s, "severity", alert.severity()).append(',');
    field(s, "subject", alert.subject()).append(',');
    field(s, "message", alert.message()).append(',');
    field(s, "at", alert.at().toString());
    if (server != null) {
      s.append(',');
      field(s, "server", server);
    }
    s.append(",\"details\":{");
    boolean first = true;
    for (Map.Entry<String, String> e : new TreeMap<>(alert.details()).entrySet()) {
      if (!first) {
        s.append(',');
      }
      field(s, e.getKey(), e.getValue());
      first = false;
    }
    return s.append("}}").toString();
  }

  private static StringBuilder field(StringBuilder s, String name, String value) {
    return s.append(quote(name)).append(':').append(quote(value));
  }

  static String quote(String v) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : (v == null ? "" : v).toCharArray()) {
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
