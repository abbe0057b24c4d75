package it.io.cloudnativemcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Streamable HTTP session on the wire (JSON-RPC over POST, answers as SSE), for load
 * and failure tests where spawning a client process per call would dominate the measurement.
 */
final class RawMcpSession {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;
  private final String[] headers;
  private final AtomicLong ids = new AtomicLong(1);
  private String sessionId;

  RawMcpSession(String endpoint, String... headers) {
    this.endpoint = URI.create(endpoint);
    this.headers = headers;
  }

  void initialize() throws IOException, InterruptedException {
    HttpResponse<String> r =
        post("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
            + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}");
    if (r.statusCode() != 200) {
      throw new IOException("initialize answered " + r.statusCode() + ": " + r.body());
    }
    sessionId = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  String sessionId() {
    return sessionId;
  }

  /** Calls a tool; returns the JSON-RPC message that answered it (result or error), or null. */
  JsonNode callTool(String name, Map<String, ?> arguments) throws IOException, InterruptedException {
    ObjectNode request = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", ids.incrementAndGet()).put("method", "tools/call");
    ObjectNode params = request.putObject("params").put("name", name);
    params.set("arguments", JSON.valueToTree(arguments));
    HttpResponse<String> r = post(JSON.writeValueAsString(request));
    if (r.statusCode() != 200) {
      return null;
    }
    return message(r.body());
  }

  static JsonNode message(String body) throws IOException {
    for (String line : body.split("\n")) {
      if (line.startsWith("data:")) {
        return JSON.readTree(line.substring(5).trim());
      }
    }
    String trimmed = body.trim();
    return trimmed.startsWith("{") ? JSON.readTree(trimmed) : null;
  }

  private HttpResponse<String> post(String body) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (sessionId != null) {
      b.header("Mcp-Session-Id", sessionId);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
